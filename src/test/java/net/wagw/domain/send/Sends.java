package net.wagw.domain.send;

import java.util.List;
import java.util.Map;

import net.wagw.domain.content.Select;
import net.wagw.domain.content.TemplateMessage;
import net.wagw.domain.content.Text;
import net.wagw.domain.content.TypedValue;

/** Send requests as the LIME side hands them to the domain, for the domain's unit tests. */
final class Sends {
    static final String CUSTOMER = "5531988881001@wa.gw.msging.net";

    private Sends() {
    }

    static SendRequest text(String id, String to, String body) {
        return SendRequest.of(id, to, new RenderedMessage(new Text(body),
                List.of("{\"type\":\"text\",\"text\":{\"body\":\"" + body + "\"}}")), Map.of());
    }

    static SendRequest template(String id, String name, Map<String, Integer> parameters) {
        return SendRequest.of(id, CUSTOMER, new RenderedMessage(new TemplateMessage(name, "pt_BR", "[]", parameters),
                List.of("{\"type\":\"template\"}")), Map.of());
    }

    static SendRequest buttons(String id, String to) {
        Select select = new Select("Which?", List.of(new Select.Option("Yes", "1", new TypedValue("text/plain", "\"yes\""))));
        return SendRequest.of(id, to, new RenderedMessage(select, List.of("{\"type\":\"interactive\"}")), Map.of());
    }
}
