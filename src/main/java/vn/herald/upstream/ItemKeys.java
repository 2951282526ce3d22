package vn.herald.upstream;

import okhttp3.HttpUrl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The keys an item is recognised by: its GUID and its link (so the same news in two feeds, each with its own GUID,
 * is still one item), or, when it has neither, the hash of its normalised title. Each key is hashed to a fixed length.
 */
final class ItemKeys {

    private ItemKeys() {}

    static List<String> of(FeedItem item) {
        List<String> keys = new ArrayList<>();
        if (item.guid() != null) {
            keys.add("g:" + sha256(item.guid()));
        }
        if (item.link() != null) {
            keys.add("l:" + sha256(normalisedLink(item.link())));
        }
        if (keys.isEmpty() && !normalisedTitle(item.title()).isEmpty()) {
            keys.add("t:" + sha256(normalisedTitle(item.title())));
        }
        return keys;
    }

    /**
     * One address however it is written: without scheme, "www.", fragment, tracking parameters or trailing slash,
     * with the host in lower case.
     */
    static String normalisedLink(String link) {
        HttpUrl url = HttpUrl.parse(link.strip());
        if (url == null) {
            return link.strip();
        }
        HttpUrl.Builder builder = url.newBuilder().fragment(null);
        for (String name : url.queryParameterNames()) {
            if (name.toLowerCase(Locale.ROOT).startsWith("utm_") || name.equalsIgnoreCase("fbclid")) {
                builder.removeAllQueryParameters(name);
            }
        }
        HttpUrl clean = builder.build();
        String host = clean.host().startsWith("www.") ? clean.host().substring(4) : clean.host();
        String path = clean.encodedPath().endsWith("/") ? clean.encodedPath().substring(0, clean.encodedPath().length() - 1)
                : clean.encodedPath();
        boolean defaultPort = clean.port() == HttpUrl.defaultPort(clean.scheme());
        return host + (defaultPort ? "" : ":" + clean.port()) + path + (clean.encodedQuery() == null ? "" : "?" + clean.encodedQuery());
    }

    /** NFC, lower case, letters and digits only, single spaces: the same headline however it was typed. */
    static String normalisedTitle(String title) {
        String text = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
