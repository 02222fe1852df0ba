package net.wagw.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock standing in for Meta's Graph API and for the bots' endpoints: Meta under its real
 * paths ({@code /v23.0/...}), each test bot under {@code /<bot>/messages} and
 * {@code /<bot>/notifications}.
 */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {
    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(40));
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.rest-client.meta.url", server.baseUrl());
        for (String bot : new String[] { Bots.A, Bots.B }) {
            config.put("wagw.bots." + bot + ".messages-url", server.baseUrl() + "/" + bot + "/messages");
            config.put("wagw.bots." + bot + ".notifications-url", server.baseUrl() + "/" + bot + "/notifications");
        }
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
