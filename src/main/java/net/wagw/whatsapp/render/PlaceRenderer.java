package net.wagw.whatsapp.render;

import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.content.Location;
import net.wagw.domain.content.Reaction;

/** A location, and a reaction on a message: small objects Meta takes as they are. */
final class PlaceRenderer {
    void location(Location location, ObjectNode payload) {
        payload.put("type", "location");
        ObjectNode body = payload.putObject("location");
        body.put("latitude", location.latitude());
        body.put("longitude", location.longitude());
        if (location.text() != null) {
            body.put("name", location.text());
        }
        if (location.address() != null) {
            body.put("address", location.address());
        }
    }

    void reaction(Reaction reaction, ObjectNode payload) {
        payload.put("type", "reaction");
        ObjectNode body = payload.putObject("reaction");
        body.put("message_id", reaction.messageId());
        body.put("emoji", reaction.emoji());
    }
}
