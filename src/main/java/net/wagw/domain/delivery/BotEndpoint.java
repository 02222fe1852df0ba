package net.wagw.domain.delivery;

/** Port: the bot's HTTP endpoints. */
public interface BotEndpoint {
    /**
     * POSTs a signed JSON body.
     *
     * @return null when the bot answered 2xx, else why not (status or I/O failure)
     */
    String post(String url, String body, String signatureHeader, java.time.Duration timeout);
}
