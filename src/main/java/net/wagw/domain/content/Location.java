package net.wagw.domain.content;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code application/vnd.lime.location+json}; coordinates exactly as given.
 *
 * @param text    the place's name; may be null
 * @param address its address (inbound); may be null
 * @param url     its web page (inbound); may be null
 */
public record Location(BigDecimal latitude, BigDecimal longitude, String text, String address, String url)
        implements Content, InboundContent {
    public Location {
        Objects.requireNonNull(latitude, "latitude");
        Objects.requireNonNull(longitude, "longitude");
    }
}
