package vn.herald.channel;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where residents reach the built-in portal from outside ({@code HERALD_PUBLIC_URL}), so that feeds, the
 * sitemap and posts on other channels can link to its pages.
 */
@ConfigurationProperties("herald.portal")
public record PortalAddress(@Bindable(defaultValue = "http://localhost:8080") String publicUrl) {

    /** An IPv4 or IPv6 literal, which {@link InetAddress#getByName} reads without asking DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-f]*:[0-9a-f:.]*]?");

    /** The public page of a piece on the portal. */
    public String articleUrl(String slug) {
        return base() + "/portal/bai/" + slug;
    }

    /** The public URL without a trailing slash. */
    public String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Whether residents cannot open the address: localhost, a loopback, unspecified or private-network IP, or no
     * address at all. Links posted to Facebook or Zalo with it open for nobody outside the commune's office.
     */
    public boolean notPublic() {
        String host;
        try {
            host = new URI(publicUrl.strip()).getHost();
        } catch (URISyntaxException e) {
            return true;
        }
        if (host == null || host.isBlank()) {
            return true;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (!IP_LITERAL.matcher(name).matches()) {
            return false;
        }
        try {
            InetAddress ip = InetAddress.getByName(name);
            return ip.isLoopbackAddress() || ip.isAnyLocalAddress() || ip.isSiteLocalAddress() || ip.isLinkLocalAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
