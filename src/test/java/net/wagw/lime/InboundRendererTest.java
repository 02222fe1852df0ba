package net.wagw.lime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.domain.contact.Nodes;
import net.wagw.domain.inbound.InboundMessage;
import net.wagw.domain.inbound.WebhookBatch;
import net.wagw.whatsapp.WebhookParser;

/**
 * The LIME message a bot receives for each WhatsApp message type (docs/contracts.md §3.5), compared whole
 * (JsonNode equality) with the envelope written out here. Inputs are the webhook fixtures under
 * {@code webhooks/} (Meta's own examples, {@code meta-*.json}, and ours), read by {@link WebhookParser}
 * as the webhook route does.
 */
class InboundRendererTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOT = "mybot@msging.net";

    private final WebhookParser parser = new WebhookParser(JSON);
    private final InboundRenderer renderer = new InboundRenderer(JSON, new Nodes("wa.gw.msging.net"));

    // text ---------------------------------------------------------------------------------------

    @Test
    void textBecomesPlainTextFromTheCustomerNode() {
        assertEnvelope("meta-text.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "text/plain", "content": "Does it come in another color?",
                 "metadata": {"#wa.timestamp": "1749416383", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922"}}
                """);
    }

    @Test
    void aProductInquiryNamesTheMessageAndTheProductItAsksAbout() {
        assertEnvelope("meta-text-product-inquiry.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTA2NTUwRkNEMDdFQjJCRUU0NQA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "text/plain", "content": "Is this still available?",
                 "metadata": {"#wa.timestamp": "1750016800", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922",
                              "#wa.context.id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGA9wcm9kdWN0X2lucXVpcnkA",
                              "#wa.referred_product.catalog_id": "194836987003835",
                              "#wa.referred_product.product_retailer_id": "di9ozbzfi4"}}
                """);
    }

    @Test
    void clickToWhatsAppAdReferralGoesIntoMetadata() {
        assertEnvelope("meta-text-click-to-whatsapp-ad.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNAA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "text/plain", "content": "Hello! Can I get more info on this?",
                 "metadata": {"#wa.timestamp": "1750275992", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922",
                              "#wa.referral.source_url": "https://fb.me/3cr4Wqqkv",
                              "#wa.referral.source_type": "ad",
                              "#wa.referral.source_id": "120226305854810726",
                              "#wa.referral.ctwa_clid": "Aff-n8ZTODiE79d22KtAwQKj9e_mIEOOj27vDVwFjN80dp4_0NiNhEgpGo0AHemvuSoifXaytfTzcchptiErTKCqTrJ5nW1h7IHYeYymGb5K5J5iTROpBhWAGaIAeUzHL50"}}
                """);
    }

    // media --------------------------------------------------------------------------------------

    @Test
    void imageBecomesAMediaLinkToTheGatewaysMediaRouteWithItsCaption() {
        assertEnvelope("meta-image.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/vnd.lime.media-link+json",
                 "content": {"type": "image/jpeg", "uri": "/media/1003383421387256", "text": "Taj Mahal"},
                 "metadata": {"#wa.timestamp": "1744344496", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922"}}
                """);
    }

    @Test
    void videoBecomesAMediaLink() {
        assertEnvelope("video.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQVZJREVPMDAwMDAwMDAwMDAwMQA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/vnd.lime.media-link+json",
                 "content": {"type": "video/mp4", "uri": "/media/1203632227719630", "text": "My vacation video"},
                 "metadata": {"#wa.timestamp": "1744344500", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922"}}
                """);
    }

    @Test
    void voiceNoteBecomesAMediaLinkWithoutText() {
        assertEnvelope("audio.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFVRElPMDAwMDAwMDAwMDAwMQA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/vnd.lime.media-link+json",
                 "content": {"type": "audio/ogg; codecs=opus", "uri": "/media/2754859441498128"},
                 "metadata": {"#wa.timestamp": "1744344510", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922"}}
                """);
    }

    @Test
    void documentBecomesAMediaLinkTitledWithItsFilename() {
        assertEnvelope("document.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQURPQ1VNRU5UMDAwMDAwMDAwMQA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/vnd.lime.media-link+json",
                 "content": {"type": "application/pdf", "uri": "/media/1376223850470843",
                             "text": "Here is my receipt", "title": "receipt.pdf"},
                 "metadata": {"#wa.timestamp": "1744344520", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922"}}
                """);
    }

    @Test
    void stickerBecomesAMediaLink() {
        assertEnvelope("sticker.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQVNUSUNLRVIwMDAwMDAwMDAwMQA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/vnd.lime.media-link+json",
                 "content": {"type": "image/webp", "uri": "/media/1019543806488721"},
                 "metadata": {"#wa.timestamp": "1744344530", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922"}}
                """);
    }

    @Test
    void mediaWithoutAnIdToFetchGoesRawAsJson() {
        InboundMessage m = message("""
                {"from": "16505551234", "id": "wamid.NOMEDIAID", "timestamp": "1744344540", "type": "image",
                 "image": {"mime_type": "image/jpeg", "url": "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1"}}
                """, "image");

        assertRendered(m, """
                {"id": "wamid.NOMEDIAID", "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/json",
                 "content": {"from": "16505551234", "id": "wamid.NOMEDIAID", "timestamp": "1744344540", "type": "image",
                             "image": {"mime_type": "image/jpeg",
                                       "url": "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1"}},
                 "metadata": {"#wa.timestamp": "1744344540", "#wa.phone_number_id": "106540352242922"}}
                """);
    }

    // location, reaction -------------------------------------------------------------------------

    @Test
    void locationBecomesALocationNamedAfterThePlaceKeepingAddressAndUrl() {
        assertEnvelope("meta-location.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTU2MjZEMDBGRkE3MENEMDE0RQA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/vnd.lime.location+json",
                 "content": {"latitude": 37.44221496582, "longitude": -122.16165924072, "text": "Philz Coffee",
                             "address": "101 Forest Ave, Palo Alto, CA 94301", "url": "https://philzcoffee.com/"},
                 "metadata": {"#wa.timestamp": "1744344496", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922"}}
                """);
    }

    @Test
    void unnamedLocationIsDescribedByItsAddressOrNothing() {
        InboundMessage addressed = message("""
                {"from": "16505551234", "id": "wamid.LOC1", "timestamp": "1744344496", "type": "location",
                 "location": {"latitude": -19.9191, "longitude": -43.9386, "address": "Praça da Liberdade"}}
                """, "location");
        InboundMessage pin = message("""
                {"from": "16505551234", "id": "wamid.LOC2", "timestamp": "1744344496", "type": "location",
                 "location": {"latitude": -19.9191, "longitude": -43.9386}}
                """, "location");

        assertThat(tree(renderer.render(addressed, BOT)).get("content"))
                .isEqualTo(tree("{\"latitude\": -19.9191, \"longitude\": -43.9386, \"text\": \"Praça da Liberdade\","
                        + " \"address\": \"Praça da Liberdade\"}"));
        assertThat(tree(renderer.render(pin, BOT)).get("content"))
                .isEqualTo(tree("{\"latitude\": -19.9191, \"longitude\": -43.9386}"));
    }

    @Test
    void reactionBecomesALimeReactionWithTheEmojisCodePoints() {
        assertEnvelope("meta-reaction.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/vnd.lime.reaction+json",
                 "content": {"emoji": {"values": [128077]},
                             "inReactionTo": {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RTJEOTc2ODVERUY5RDlGNkYA"}},
                 "metadata": {"#wa.timestamp": "1749419544", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922"}}
                """);
    }

    @Test
    void removedReactionHasNoCodePoints() {
        InboundMessage m = message("""
                {"from": "16505551234", "id": "wamid.UNREACT", "timestamp": "1749419600", "type": "reaction",
                 "reaction": {"message_id": "wamid.REACTED", "emoji": ""}}
                """, "reaction");

        assertThat(tree(renderer.render(m, BOT)).get("content"))
                .isEqualTo(tree("{\"emoji\": {\"values\": []}, \"inReactionTo\": {\"id\": \"wamid.REACTED\"}}"));
    }

    // replies ------------------------------------------------------------------------------------

    @Test
    void interactiveButtonReplyToAMessageWagwDidNotSendIsAReplyOfItsIdToTheWamid() {
        assertEnvelope("meta-interactive-button-reply.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTZBQzg0MzQ4QjRCM0NGNkVGOAA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/vnd.lime.reply+json",
                 "content": {"replied": {"type": "text/plain", "value": "cancel-button"},
                             "inReplyTo": {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA",
                                           "direction": "sent"}},
                 "metadata": {"#wa.timestamp": "1750025136", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922",
                              "#wa.context.id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA",
                              "#wa.interactive.button.id": "cancel-button",
                              "#wa.reply.title": "Cancel"}}
                """);
    }

    @Test
    void interactiveListReplyIsAReplyWithTitleAndDescriptionInMetadata() {
        assertEnvelope("meta-interactive-list-reply.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUJDQ0NDM0FEODY4ODkzOTc5RgA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/vnd.lime.reply+json",
                 "content": {"replied": {"type": "text/plain", "value": "priority_express"},
                             "inReplyTo": {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGMzEyNzhENTZDMzNGODlDRDgA",
                                           "direction": "sent"}},
                 "metadata": {"#wa.timestamp": "1749854575", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922",
                              "#wa.context.id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGMzEyNzhENTZDMzNGODlDRDgA",
                              "#wa.interactive.list.id": "priority_express",
                              "#wa.reply.title": "Priority Mail Express",
                              "#wa.reply.description": "Next Day to 2 Days"}}
                """);
    }

    @Test
    void templateQuickReplyIsAReplyOfItsPayloadWithTheButtonTextInMetadata() {
        assertEnvelope("meta-button.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUU0M0MxQzQzMUJCMTMwNUZFOQA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/vnd.lime.reply+json",
                 "content": {"replied": {"type": "text/plain", "value": "Unsubscribe"},
                             "inReplyTo": {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJFNjk2OTMwNEZCQjhGMzUyQUYA",
                                           "direction": "sent"}},
                 "metadata": {"#wa.timestamp": "1750091045", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922",
                              "#wa.context.id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJFNjk2OTMwNEZCQjhGMzUyQUYA",
                              "#wa.reply.title": "Unsubscribe"}}
                """);
    }

    @Test
    void templateQuickReplyWithoutPayloadFallsBackToItsText() {
        InboundMessage m = message("""
                {"from": "16505551234", "id": "wamid.BTN", "timestamp": "1750091045", "type": "button",
                 "button": {"text": "Talk to a person"}}
                """, "button");

        assertRendered(m, """
                {"id": "wamid.BTN", "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "text/plain", "content": "Talk to a person",
                 "metadata": {"#wa.timestamp": "1750091045", "#wa.phone_number_id": "106540352242922",
                              "#wa.reply.title": "Talk to a person"}}
                """);
    }

    @Test
    void flowAnswerIsJsonOfItsParsedResponse() {
        assertEnvelope("interactive-nfm-reply.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUZMT1dSRVBMWTAwMDAwMDAwMQA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/json",
                 "content": {"flow_token": "AQAAAAACS5FpgQ_cAAAAAD0QI3s", "appointment_date": "2025-07-01"},
                 "metadata": {"#wa.timestamp": "1750030000", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922",
                              "#wa.context.id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGTE9XMDAwMDAwMDAwMDAwMDEA",
                              "#wa.flow.name": "flow", "#wa.flow.body": "Sent"}}
                """);
    }

    // everything else: raw -----------------------------------------------------------------------

    @Test
    void aSharedContactIsALimeContactDocument() {
        assertEnvelope("meta-contacts.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/vnd.lime.contact+json",
                 "content": {"name": "Lucía Gómez", "identity": "19835552319@wa.gw.msging.net",
                             "phoneNumber": "+1 (983) 555-2319", "extras": {"organization": "Google"}},
                 "metadata": {"#wa.timestamp": "1744344496", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922"}}
                """);
    }

    @Test
    void systemMessageGoesRawAsJsonWithoutContactName() {
        assertEnvelope("meta-system.json", """
                {"id": "wamid.HBgLMTk4MzU1NTE5NzQVAgASGAoxMTgyMDg2MjY3AA==",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/json",
                 "content": {"from": "16505551234", "id": "wamid.HBgLMTk4MzU1NTE5NzQVAgASGAoxMTgyMDg2MjY3AA==",
                             "timestamp": "1750269342",
                             "system": {"body": "User Sheena Nelson changed from 16505551234 to 12195555358",
                                        "wa_id": "12195555358", "type": "user_changed_number"},
                             "type": "system"},
                 "metadata": {"#wa.timestamp": "1750269342", "#wa.phone_number_id": "106540352242922"}}
                """);
    }

    @Test
    void unsupportedMessageGoesRawAsJson() {
        assertEnvelope("meta-unsupported.json", """
                {"id": "wamid.HBgLMTQyMDU1NTA3NDkVAgASGBI5N0MwRjg0RTVBNUI1RDA2OTkA",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/json",
                 "content": {"from": "16505551234", "id": "wamid.HBgLMTQyMDU1NTA3NDkVAgASGBI5N0MwRjg0RTVBNUI1RDA2OTkA",
                             "timestamp": "1750090702",
                             "errors": [{"code": 131051, "title": "Message type unknown", "message": "Message type unknown",
                                         "error_data": {"details": "Message type is currently not supported."}}],
                             "type": "unsupported"},
                 "metadata": {"#wa.timestamp": "1750090702", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922"}}
                """);
    }

    @Test
    void orderGoesRawAsJsonWithItsNumbersIntact() {
        assertEnvelope("meta-order.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTEyQjFGNzI1QTQxMjI5QTMyOQA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/json",
                 "content": {"from": "16505551234", "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTEyQjFGNzI1QTQxMjI5QTMyOQA=",
                             "timestamp": "1750096325", "type": "order",
                             "order": {"catalog_id": "194836987003835", "text": "",
                                       "product_items": [
                                         {"product_retailer_id": "di9ozbzfi4", "quantity": 2, "item_price": 30, "currency": "USD"},
                                         {"product_retailer_id": "nqryix03ez", "quantity": 1, "item_price": 25, "currency": "USD"}]}},
                 "metadata": {"#wa.timestamp": "1750096325", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922"}}
                """);
    }

    @Test
    void unknownNewTypeGoesRawAsJson() {
        InboundMessage m = message("""
                {"from": "16505551234", "id": "wamid.NEW", "timestamp": "1760000000", "type": "poll_vote",
                 "poll_vote": {"poll_id": "wamid.POLL", "options": [0, 2]}}
                """, "poll_vote");

        assertRendered(m, """
                {"id": "wamid.NEW", "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/json",
                 "content": {"from": "16505551234", "id": "wamid.NEW", "timestamp": "1760000000", "type": "poll_vote",
                             "poll_vote": {"poll_id": "wamid.POLL", "options": [0, 2]}},
                 "metadata": {"#wa.timestamp": "1760000000", "#wa.phone_number_id": "106540352242922"}}
                """);
    }

    @Test
    void referralOnlyMessageGoesRawAsJsonWithReferralMetadata() {
        InboundMessage m = message("""
                {"from": "16505551234", "id": "wamid.REF", "timestamp": "1750275992", "type": "request_welcome",
                 "referral": {"source_url": "https://www.instagram.com/p/C1", "source_type": "post", "source_id": "1789"}}
                """, "request_welcome");

        assertRendered(m, """
                {"id": "wamid.REF", "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "application/json",
                 "content": {"from": "16505551234", "id": "wamid.REF", "timestamp": "1750275992", "type": "request_welcome",
                             "referral": {"source_url": "https://www.instagram.com/p/C1", "source_type": "post",
                                          "source_id": "1789"}},
                 "metadata": {"#wa.timestamp": "1750275992", "#wa.phone_number_id": "106540352242922",
                              "#wa.referral.source_url": "https://www.instagram.com/p/C1",
                              "#wa.referral.source_type": "post", "#wa.referral.source_id": "1789"}}
                """);
    }

    // groups, 2026 user ids, timestamps ----------------------------------------------------------

    @Test
    void groupMessageComesFromTheGroupsNodeWithGroupAndAuthorInMetadata() {
        assertEnvelope("group-message.json", """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
                 "from": "groups@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "text/plain", "content": "What do you all think about this?",
                 "metadata": {"#wa.timestamp": "1739321024", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922",
                              "#wa.group": "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD@groups.wa.gw.msging.net",
                              "#wa.author": "16505551234@wa.gw.msging.net"}}
                """);
    }

    @Test
    void userIdOf2026GoesIntoMetadata() {
        WebhookBatch batch = parser.parse(fixture("user-id-2026.json"));

        assertRendered(batch.messages().get(0), """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQkUwMDAwMDAwMDAwMDAwMQA=",
                 "from": "16505551234@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "text/plain", "content": "Hi, it's Sheena",
                 "metadata": {"#wa.timestamp": "1775000000", "#wa.contact.name": "Sheena Nelson",
                              "#wa.phone_number_id": "106540352242922", "#wa.user_id": "US.13491208655302741918",
                              "#wa.bsuid": "US.13491208655302741918"}}
                """);
    }

    @Test
    void senderWithoutPhoneNumberIsNamedByTheirUserId() {
        WebhookBatch batch = parser.parse(fixture("user-id-2026.json"));

        assertRendered(batch.messages().get(1), """
                {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQkUwMDAwMDAwMDAwMDAwMgA=",
                 "from": "US.ENT.11815799212886844830@wa.gw.msging.net", "to": "mybot@msging.net",
                 "type": "text/plain", "content": "Hi, it's Pablo",
                 "metadata": {"#wa.timestamp": "1775000060", "#wa.contact.name": "Pablo Morales",
                              "#wa.phone_number_id": "106540352242922", "#wa.user_id": "US.ENT.11815799212886844830",
                              "#wa.bsuid": "US.ENT.11815799212886844830", "#wa.username": "@pablomorales"}}
                """);
    }

    @Test
    void timestampAndIdsSentAsNumbersAreWrittenAsTheirDigits() {
        WebhookBatch batch = parser.parse(fixture("ids-as-numbers.json"));

        JsonNode envelope = tree(renderer.render(batch.messages().get(0), BOT));

        assertThat(envelope.get("id")).isEqualTo(tree("\"123456789012345678901234567890\""));
        assertThat(envelope.get("from")).isEqualTo(tree("\"groups@wa.gw.msging.net\""));
        assertThat(envelope.get("metadata")).isEqualTo(tree("""
                {"#wa.timestamp": "1750025136", "#wa.contact.name": "Sheena Nelson",
                 "#wa.phone_number_id": "106540352242922", "#wa.context.id": "98765432109876543210987",
                 "#wa.group": "120363222771963067@groups.wa.gw.msging.net",
                 "#wa.author": "16505551234@wa.gw.msging.net"}
                """));
    }

    @Test
    void envelopeIsCompactJson() {
        String rendered = renderer.render(parser.parse(fixture("meta-text.json")).messages().get(0), BOT);

        assertThat(rendered).startsWith("{\"id\":").doesNotContain("\n", ": ", "null");
    }

    // helpers ------------------------------------------------------------------------------------

    private void assertEnvelope(String fixture, String expected) {
        WebhookBatch batch = parser.parse(fixture(fixture));
        assertThat(batch.messages()).hasSize(1);
        assertRendered(batch.messages().get(0), expected);
    }

    private void assertRendered(InboundMessage m, String expected) {
        assertThat(tree(renderer.render(m, BOT))).isEqualTo(tree(expected));
    }

    /** A message as the parser would give it, for cases Meta's examples do not show. */
    private static InboundMessage message(String raw, String type) {
        ObjectNode node = (ObjectNode) tree(raw);
        if (!node.has("type")) {
            node.put("type", type);
        }
        ObjectNode webhook = JSON.createObjectNode();
        webhook.put("object", "whatsapp_business_account");
        ObjectNode value = webhook.putArray("entry").addObject().putArray("changes").addObject().put("field", "messages")
                .putObject("value");
        value.putObject("metadata").put("phone_number_id", "106540352242922");
        value.putArray("messages").add(node);
        return new WebhookParser(JSON).parse(webhook.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .messages().get(0);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] fixture(String name) {
        try (InputStream in = InboundRendererTest.class.getResourceAsStream("/webhooks/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture webhooks/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
