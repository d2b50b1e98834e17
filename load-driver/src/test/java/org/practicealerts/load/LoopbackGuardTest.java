package org.practicealerts.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8081", "http://127.0.0.1:8081", "http://127.1.2.3:9",
            "http://[::1]:8081", "https://localhost", "HTTP://LOCALHOST:8081/"})
    void acceptsLoopbackUrls(String url) {
        assertThat(LoopbackGuard.requireLoopback(url).getHost()).isNotBlank();
    }

    @Test
    void dropsATrailingSlash() {
        assertThat(LoopbackGuard.requireLoopback("http://localhost:8081/").toString())
                .isEqualTo("http://localhost:8081");
    }

    // Literal addresses only, so the test needs no DNS: a name that does not resolve is refused as well.
    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1:8081", "http://192.168.1.10", "http://8.8.8.8", "http://0.0.0.0:8081",
            "http://[2001:db8::1]:8081", "http://[::]:8081", "http://no-such-host.invalid:8081"})
    void refusesAddressesOffThisMachine(String url) {
        assertThatThrownBy(() -> LoopbackGuard.requireLoopback(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://localhost", "file:///etc/passwd", "localhost:8081", "http://user:pw@localhost",
            "http://", " ", "not a url"})
    void refusesWhatIsNotAPlainHttpUrl(String url) {
        assertThatThrownBy(() -> LoopbackGuard.requireLoopback(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOptionGoesThroughTheGuard() {
        assertThat(LoadOptions.parse("--base-url", "http://127.0.0.1:8081").baseUrl().getPort()).isEqualTo(8081);
        assertThatThrownBy(() -> LoadOptions.parse("--base-url", "http://10.1.2.3:8081"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refusing 10.1.2.3");
    }
}
