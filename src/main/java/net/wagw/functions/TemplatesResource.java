package net.wagw.functions;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.annotations.RegisterForReflection;
import net.wagw.domain.send.Template;
import net.wagw.domain.send.TemplateCatalog;
import net.wagw.lime.LimeCollection;
import net.wagw.lime.Lime;

/** {@code get /message-templates}: the bot's synced template catalog as a LIME collection. */
@ApplicationScoped
public class TemplatesResource {
    private final TemplateCatalog catalog;

    public TemplatesResource(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    ResourceResponse get(ResourceRequest request) {
        List<Item> templates = catalog.all(request.bot().id()).stream()
                .sorted(Comparator.comparing(Template::name).thenComparing(Template::language))
                .map(t -> new Item(t.name(), t.language(), t.status(), t.category(), t.parameters())).toList();
        return ResourceResponse.ok(Lime.COLLECTION, LimeCollection.of(Lime.MESSAGE_TEMPLATE, templates));
    }

    /** {@code application/vnd.wagw.message-template+json}. */
    @RegisterForReflection
    public record Item(String name, String language, String status, String category,
            java.util.Map<String, Integer> parameters) {
    }

}
