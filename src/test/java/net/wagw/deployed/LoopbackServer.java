package net.wagw.deployed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The harness's HTTP servers (the Runtime API, the API front, the DynamoDB proxies): the JDK's
 * server on a free loopback port, with Nagle's algorithm off. The JDK's server writes an answer's
 * headers and its body in two writes; with Nagle on, the body waits for the peer to acknowledge
 * the headers, and a peer that is waiting for the rest acknowledges only when its delayed-ACK
 * timer fires (40 ms on Linux): each answer then costs 40 ms more. The JDK reads the switch once,
 * when its first server is created, so it is set here, before any.
 */
final class LoopbackServer {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LoopbackServer() {
    }

    static HttpServer start(String context, HttpHandler handler, ExecutorService executor, int backlog) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
            server.setExecutor(executor);
            server.createContext(context, handler);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
