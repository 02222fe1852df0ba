package net.wagw.inbound;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import net.wagw.whatsapp.MetaSignature;

/** Meta's webhook payloads, in the shapes of the Cloud API reference, and posting them signed. */
public final class Webhooks {
    static final String APP_SECRET = "test-app-secret";
    static final String PHONE_A = "1110001";

    private Webhooks() {
    }

    public static String envelope(String phoneNumberId, String value) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"" + phoneNumberId + "\"}," + value + "},\"field\":\"messages\"}]}]}";
    }

    public static String text(String wamid, String from, String name, long timestamp, String body) {
        return envelope(PHONE_A, "\"contacts\":[{\"profile\":{\"name\":\"" + name + "\"},\"wa_id\":\"" + from + "\"}],"
                + "\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + timestamp
                + "\",\"text\":{\"body\":\"" + body + "\"},\"type\":\"text\"}]");
    }

    static String status(String wamid, String status, String recipient, long timestamp) {
        return envelope(PHONE_A, "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\""
                + timestamp + "\",\"recipient_id\":\"" + recipient + "\"}]");
    }

    /** As {@link #status} with the send's {@code biz_opaque_callback_data} echoed, as Meta does. */
    static String status(String wamid, String status, String recipient, long timestamp, String callbackData) {
        return envelope(PHONE_A, "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\""
                + timestamp + "\",\"recipient_id\":\"" + recipient + "\",\"biz_opaque_callback_data\":\"" + callbackData
                + "\"}]");
    }

    static String failed(String wamid, String recipient, long timestamp, int code, String title) {
        return envelope(PHONE_A, "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"failed\",\"timestamp\":\""
                + timestamp + "\",\"recipient_id\":\"" + recipient + "\",\"errors\":[{\"code\":" + code
                + ",\"title\":\"" + title + "\",\"message\":\"" + title + "\",\"error_data\":{\"details\":\"" + title
                + "\"}}]}]");
    }

    public static ValidatableResponse post(int port, String payload) {
        return given().port(port).header("X-Hub-Signature-256", MetaSignature.of(payload, APP_SECRET))
                .contentType("application/json").body(payload).post("/webhooks/whatsapp").then();
    }
}
