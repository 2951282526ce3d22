package vn.herald.channel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortalAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://LOCALHOST:8080/", "http://herald.localhost",
            "http://127.0.0.1:8080", "http://127.1.2.3", "http://[::1]:8080", "http://0.0.0.0:8080",
            "http://192.168.1.20:8080", "http://10.0.0.5", "http://169.254.1.1", "khong phai dia chi", "", "/portal"})
    void anAddressResidentsCannotOpenIsNotPublic(String url) {
        assertTrue(new PortalAddress(url).notPublic(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hoaan.gov.vn", "https://cong.example.vn/", "http://203.113.131.1",
            "https://cafe.example", "http://[2001:db8::1]"})
    void aRealAddressIsPublic(String url) {
        assertFalse(new PortalAddress(url).notPublic(), url);
    }
}
