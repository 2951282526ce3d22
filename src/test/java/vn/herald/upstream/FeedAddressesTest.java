package vn.herald.upstream;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feed addresses that lead into the server's own network are refused, by name, by number and by redirect. */
class FeedAddressesTest {

    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Tỉnh</title><link>https://tinh.example/</link><description>Tin</description>
            <item><title>Tin tỉnh</title><link>https://tinh.example/tin/1</link><guid>tin-1</guid></item>
            </channel></rss>
            """;

    private final UpstreamConfig config = new UpstreamConfig(false, Duration.ofHours(1), Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(5), 65536, 30);
    private final MockWebServer feeds = new MockWebServer();
    private final MockWebServer inside = new MockWebServer();

    @AfterEach
    void stop() throws IOException {
        feeds.shutdown();
        inside.shutdown();
    }

    private static MockResponse rss() {
        return new MockResponse().setHeader("Content-Type", "application/rss+xml").setBody(RSS);
    }

    @Test
    void aFeedOnLoopbackIsRefusedWithoutTheAllowanceAndNothingIsAsked() throws Exception {
        feeds.enqueue(rss());
        feeds.start(InetAddress.getByName("127.0.0.1"), 0);
        FeedReader reader = new FeedReader(config);

        FeedProblem byNumber = assertThrows(FeedProblem.class, () -> reader.read(feeds.url("/tin.rss").toString(), false));
        assertTrue(byNumber.getMessage().contains("mạng nội bộ") && byNumber.getMessage().contains("allowPrivateAddresses"),
                byNumber.getMessage());
        FeedProblem byName = assertThrows(FeedProblem.class,
                () -> reader.read("http://localhost:" + feeds.getPort() + "/tin.rss", false));
        assertTrue(byName.getMessage().contains("localhost"), byName.getMessage());
        assertEquals(0, feeds.getRequestCount(), "the server's network was not asked at all");

        List<FeedItem> allowed = reader.read(feeds.url("/tin.rss").toString(), true);
        assertEquals("Tin tỉnh", allowed.get(0).title());
    }

    @Test
    void aRedirectFromAnAllowedHostIntoTheServersNetworkIsRefused() throws Exception {
        inside.enqueue(rss());
        inside.start(InetAddress.getByName("127.0.0.2"), 0);
        feeds.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", inside.url("/noi-bo.rss")));
        feeds.start(InetAddress.getByName("127.0.0.1"), 0);
        // 127.0.0.1 stands in for a public news site here: the only way to reach a server in a test without the Internet
        FeedReader reader = new FeedReader(config,
                address -> address.getHostAddress().equals("127.0.0.1") || PublicAddresses.isPublic(address));

        FeedProblem refused = assertThrows(FeedProblem.class, () -> reader.read(feeds.url("/tin.rss").toString(), false));
        assertTrue(refused.getMessage().contains("127.0.0.2"), refused.getMessage());
        assertEquals(1, feeds.getRequestCount());
        assertEquals(0, inside.getRequestCount(), "the redirect was not followed");
    }

    @Test
    void aRedirectIsFollowedWhereItIsAllowed() throws Exception {
        feeds.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/moi.rss"));
        feeds.enqueue(rss());
        feeds.start(InetAddress.getByName("127.0.0.1"), 0);
        List<FeedItem> items = new FeedReader(config).read(feeds.url("/cu.rss").toString(), true);
        assertEquals("Tin tỉnh", items.get(0).title());
    }

    @Test
    void internalAddressesAreToldFromPublicOnes() throws Exception {
        for (String internal : List.of("127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "224.0.0.1",
                "255.255.255.255", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:10.0.0.1",
                "::ffff:127.0.0.1", "64:ff9b::a00:1")) {
            assertFalse(PublicAddresses.isPublic(InetAddress.getByName(internal)), internal);
        }
        for (String outside : List.of("8.8.8.8", "100.128.0.1", "172.32.0.1", "203.162.4.191", "2001:4860:4860::8888",
                "::ffff:8.8.8.8")) {
            assertTrue(PublicAddresses.isPublic(InetAddress.getByName(outside)), outside);
        }
    }
}
