package net.wagw.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/** A port someone else holds stops the local run with one sentence that says how to pick another. */
class BusyPortTest {
    @Test
    void aBusyPortIsOneSentenceNamingWagwLocalPortWithoutAStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            LocalGateway gateway = new LocalGateway(null, null, null, null, null, null, null, null, taken.getLocalPort());

            Throwable thrown = catchThrowable(() -> gateway.start(null));

            assertThat(thrown).isInstanceOf(LocalGateway.PortInUse.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " is already in use")
                    .hasMessageContaining("-Dwagw.local.port=");
            assertThat(thrown.getStackTrace()).isEmpty();
            assertThat(thrown.getCause()).isNull();
        }
    }
}
