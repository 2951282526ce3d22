package vn.herald.account;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.simple.SimpleHttpRequest;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forwarded headers count only from a trusted proxy, and only the hops the proxies themselves added. */
class ClientOriginTest {

    private static ClientOrigin origin(String publicUrl, String... trustedProxies) {
        return new ClientOrigin(new LoginConfig(Duration.ofHours(10), 5, 5, Duration.ofMinutes(15), List.of(trustedProxies)), publicUrl);
    }

    private static SimpleHttpRequest<Object> from(String peer, String... headers) {
        SimpleHttpRequest<Object> request = new SimpleHttpRequest<>(HttpMethod.POST, "/login", null) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return new InetSocketAddress(peer, 40000);
            }
        };
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.getHeaders().add(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Test
    void aClientThatIsNoTrustedProxyCannotNameAnotherAddress() {
        ClientOrigin origin = origin("http://localhost:8080", "10.0.0.9");
        assertEquals("203.0.113.5", origin.address(from("203.0.113.5", "X-Forwarded-For", "198.51.100.1")));
        assertFalse(origin.secure(from("203.0.113.5", "X-Forwarded-Proto", "https")));
    }

    @Test
    void behindTrustedProxiesTheClientIsTheNearestHopTheyDidNotAdd() {
        ClientOrigin origin = origin("http://localhost:8080", "10.0.0.9", "::1");
        // the leftmost entry is whatever the client sent: a forged one is passed over
        assertEquals("198.51.100.1", origin.address(from("10.0.0.9", "X-Forwarded-For", "6.6.6.6, 198.51.100.1")));
        assertEquals("198.51.100.1", origin.address(from("0:0:0:0:0:0:0:1", "X-Forwarded-For", "198.51.100.1, 10.0.0.9")));
        assertEquals("10.0.0.9", origin.address(from("10.0.0.9")), "no header: the proxy itself");
        assertTrue(origin.secure(from("10.0.0.9", "X-Forwarded-Proto", "https")));
        assertFalse(origin.secure(from("10.0.0.9", "X-Forwarded-Proto", "http")));
    }

    @Test
    void anHttpsPublicAddressMakesEveryRequestSecure() {
        assertTrue(origin("https://xahoaan.example.vn").secure(from("203.0.113.5")));
    }
}
