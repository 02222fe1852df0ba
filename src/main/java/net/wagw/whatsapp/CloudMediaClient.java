package net.wagw.whatsapp;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * Meta's media upload, {@code POST /{phone-number-id}/media} (multipart: {@code messaging_product},
 * {@code type} and the {@code file} with its type and name). Its own client: a file of megabytes
 * takes longer to send than the other calls are given.
 */
@RegisterRestClient(configKey = "meta-uploads")
@Produces(MediaType.APPLICATION_JSON)
public interface CloudMediaClient {

    @POST
    @Path("/{version}/{phoneNumberId}/media")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Response upload(@PathParam("version") String version, @PathParam("phoneNumberId") String phoneNumberId,
            @HeaderParam("Authorization") String authorization, ClientMultipartForm form);
}
