package vn.herald.upstream;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One upstream feed named in a channel file's {@code upstreamFeeds}; its items become pieces of the channel's unit.
 * {@code problem} says what is wrong with the entry itself (then nothing is fetched). {@code allowPrivateAddresses}
 * (false unless the entry says so) lets the feed live on the server's own network, e.g. a test or an intranet portal.
 */
record UpstreamFeed(String channelId, String unitCode, int index, String url, String name, List<String> topics,
                    boolean allowPrivateAddresses, @Nullable String problem) {

    /** Stable across runs and instances: the channel and the address, or the position when the address is missing. */
    String id() {
        String identity = channelId + "\n" + (url.isEmpty() ? "#" + index : url);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the entry is written, for messages: {@code channels/portal-wordpress.yml, upstreamFeeds[2]}. */
    String where() {
        return "channels/" + channelId + ".yml, upstreamFeeds[" + (index + 1) + "]";
    }
}
