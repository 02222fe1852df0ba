package net.wagw.domain.content;

/**
 * What a bot's message says, whatever the wire it came on or goes to (docs/contracts.md §3.3):
 * parsed from a LIME envelope by {@code lime/}, rendered for Meta by {@code whatsapp/}. Every
 * value is checked for its own shape when made; Meta's limits are the renderers' business.
 */
public sealed interface Content permits Text, Media, Select, Location, Reaction, WebLink, Input, Collection, Carousel,
        DocumentSelect, DocumentList, ContactCard, ChatState, TemplateMessage, NativeMessage {
}
