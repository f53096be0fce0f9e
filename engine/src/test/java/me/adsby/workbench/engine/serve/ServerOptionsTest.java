package me.adsby.workbench.engine.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

    @Test
    void onlyLoopbackAddressesCountAsThisMachineOnly() {
        ServerOptions options = ServerOptions.defaults();
        assertThat(options.loopbackOnly()).as("the default, 127.0.0.1").isTrue();
        assertThat(options.withHost("localhost").loopbackOnly()).isTrue();
        assertThat(options.withHost("127.0.0.2").loopbackOnly()).isTrue();
        assertThat(options.withHost("::1").loopbackOnly()).isTrue();
        assertThat(options.withHost("0.0.0.0").loopbackOnly()).isFalse();
        assertThat(options.withHost("10.1.2.3").loopbackOnly()).isFalse();
        assertThat(options.withHost("::").loopbackOnly()).isFalse();
    }

    @Test
    void theDefaultsBoundEveryRequest() {
        ServerOptions options = ServerOptions.defaults();
        assertThat(options.maxInstances()).isEqualTo(1_000);
        assertThat(options.imageRoots()).as("no file may be named until a root is given").isEmpty();
        assertThat(options.maxImagePixels()).isEqualTo(4096L * 4096L);
        assertThat(options.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> options.withMaxInstances(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withTimeouts(Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
