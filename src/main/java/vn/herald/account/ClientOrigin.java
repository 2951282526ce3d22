package vn.herald.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a request comes from and whether the browser reached us over https. Forwarded headers are believed only
 * when the peer is one of {@code herald.login.trusted-proxies}; anyone else could write them.
 */
@Singleton
public class ClientOrigin {

    // IPv4 dotted quads and anything with a colon (IPv6): InetAddress parses these without asking DNS
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F.]*:[0-9a-fA-F:.]*");
    private static final int MAX_LENGTH = 64;

    private final Set<String> trustedProxies;
    private final boolean publicUrlIsHttps;

    ClientOrigin(LoginConfig config, @Value("${herald.portal.public-url:}") String publicUrl) {
        this.trustedProxies = config.trustedProxies().stream().map(ClientOrigin::normalised).collect(Collectors.toUnmodifiableSet());
        this.publicUrlIsHttps = publicUrl.strip().toLowerCase(Locale.ROOT).startsWith("https://");
    }

    /** The client's address: the peer, or behind trusted proxies the nearest address none of them is. */
    public String address(HttpRequest<?> request) {
        String peer = peer(request);
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getAll("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(normalised(hop.strip()));
                }
            }
        }
        // the rightmost hops were added by our own proxies; the first one they did not add is the client
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(hops.get(i))) {
                return limited(hops.get(i));
            }
        }
        return peer;
    }

    /** Whether cookies must be {@code Secure}: the public address is https, or the request arrived over https. */
    public boolean secure(HttpRequest<?> request) {
        if (publicUrlIsHttps || request.isSecure()) {
            return true;
        }
        return trustedProxies.contains(peer(request))
                && "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto", String.class).orElse("").strip());
    }

    private static String peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() == null ? limited(remote.getHostString()) : remote.getAddress().getHostAddress();
    }

    /** An IP literal in the form the server reports peers in (e.g. {@code ::1} as {@code 0:0:0:0:0:0:0:1}). */
    private static String normalised(String address) {
        if (IP_LITERAL.matcher(address).matches()) {
            try {
                return InetAddress.getByName(address).getHostAddress();
            } catch (UnknownHostException e) {
                return address;
            }
        }
        return address;
    }

    private static String limited(String address) {
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }
}
