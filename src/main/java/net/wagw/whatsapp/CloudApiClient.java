package net.wagw.whatsapp;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Meta's Graph API, the parts of the WhatsApp Cloud API wagw calls (reference:
 * Meta's published OpenAPI description of the Business Messaging API, v23.0). Answers are read raw, so that error
 * bodies reach {@link CloudWhatsAppApi}'s classification instead of becoming exceptions.
 */
@RegisterRestClient(configKey = "meta")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CloudApiClient {

    @POST
    @Path("/{version}/{phoneNumberId}/messages")
    Response messages(@PathParam("version") String version, @PathParam("phoneNumberId") String phoneNumberId,
            @HeaderParam("Authorization") String authorization, JsonNode body);

    @POST
    @Path("/{version}/{phoneNumberId}/groups")
    Response createGroup(@PathParam("version") String version, @PathParam("phoneNumberId") String phoneNumberId,
            @HeaderParam("Authorization") String authorization, JsonNode body);

    @jakarta.ws.rs.DELETE
    @Path("/{version}/{groupId}")
    Response deleteGroup(@PathParam("version") String version, @PathParam("groupId") String groupId,
            @HeaderParam("Authorization") String authorization);

    /** {@code DELETE /{group-id}/<edge>} with a body (participants, join requests). */
    @jakarta.ws.rs.DELETE
    @Path("/{version}/{groupId}/{edge}")
    Response deleteOnGroup(@PathParam("version") String version, @PathParam("groupId") String groupId,
            @PathParam("edge") String edge, @HeaderParam("Authorization") String authorization, JsonNode body);

    @GET
    @Path("/{version}/{groupId}/{edge}")
    Response getOnGroup(@PathParam("version") String version, @PathParam("groupId") String groupId,
            @PathParam("edge") String edge, @HeaderParam("Authorization") String authorization);

    @POST
    @Path("/{version}/{groupId}/{edge}")
    Response postOnGroup(@PathParam("version") String version, @PathParam("groupId") String groupId,
            @PathParam("edge") String edge, @HeaderParam("Authorization") String authorization, JsonNode body);

    @GET
    @Path("/{version}/{mediaId}")
    Response media(@PathParam("version") String version, @PathParam("mediaId") String mediaId,
            @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/{version}/{wabaId}/message_templates")
    Response templates(@PathParam("version") String version, @PathParam("wabaId") String wabaId,
            @HeaderParam("Authorization") String authorization, @QueryParam("limit") int limit,
            @QueryParam("after") String after);
}
