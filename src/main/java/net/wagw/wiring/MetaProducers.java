package net.wagw.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.config.WagwConfig;
import net.wagw.domain.group.GroupsApi;
import net.wagw.domain.media.MediaSource;
import net.wagw.domain.send.WhatsAppApi;
import net.wagw.whatsapp.CloudApiClient;
import net.wagw.whatsapp.CloudGroupsApi;
import net.wagw.whatsapp.CloudWhatsAppApi;
import net.wagw.whatsapp.OutboundRenderer;

/** Meta's side: the Cloud API and Groups API adapters over the one REST client. */
@ApplicationScoped
public class MetaProducers {

    /** One adapter for messages and media files, so both share its HTTP clients. */
    @Produces
    @Singleton
    @Typed({ WhatsAppApi.class, MediaSource.class })
    CloudWhatsAppApi whatsAppApi(@RestClient CloudApiClient client, ObjectMapper json, WagwConfig config,
            BotProducers.MetaToken token) {
        return new CloudWhatsAppApi(client, json, config.meta().apiVersion(), token.secret());
    }

    @Produces
    @Singleton
    GroupsApi groupsApi(@RestClient CloudApiClient client, ObjectMapper json, WagwConfig config,
            BotProducers.MetaToken token) {
        return new CloudGroupsApi(client, json, config.meta().apiVersion(), token.secret());
    }

    @Produces
    @Singleton
    OutboundRenderer outboundRenderer(ObjectMapper json) {
        return new OutboundRenderer(json);
    }
}
