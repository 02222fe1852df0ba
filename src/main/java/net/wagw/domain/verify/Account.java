package net.wagw.domain.verify;

/**
 * The answer to a verification, BLiP's {@code application/vnd.lime.account+json} (docs/contracts.md §4).
 *
 * @param identity           the customer node to send to: by wa_id when known, else by number
 * @param alternativeAccount the node by the number exactly as asked
 * @param phoneNumber        the number in E.164
 * @param source             always "WhatsApp"
 * @param fullName           the profile name, when a message from the customer carried one
 */
public record Account(String identity, String alternativeAccount, String phoneNumber, String source, String fullName) {
}
