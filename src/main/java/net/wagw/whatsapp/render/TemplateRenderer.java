package net.wagw.whatsapp.render;

import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.content.TemplateMessage;

/** A template by name and language, its components as the parser normalised them. */
final class TemplateRenderer {
    private final Json json;

    TemplateRenderer(Json json) {
        this.json = json;
    }

    void render(TemplateMessage template, ObjectNode payload) {
        payload.put("type", "template");
        ObjectNode body = payload.putObject("template");
        body.put("name", template.name());
        ObjectNode language = body.putObject("language");
        language.put("policy", "deterministic");
        language.put("code", template.language());
        if (template.componentsJson() != null) {
            body.set("components", json.read(template.componentsJson()));
        }
    }
}
