package vn.herald.channel;

/**
 * A person must act on the channel (a refused token refresh, a lost permission) at a point where the adapter cannot
 * answer a {@link SendResult}: while looking for an earlier post ({@link ChannelAdapter#findExisting}), or after the
 * platform accepted a post whose fate is then unknown. The dispatcher pauses the channel. The message is the reason
 * a person reads, in Vietnamese, never a secret.
 */
public class ChannelNeedsAttention extends RuntimeException {

    public ChannelNeedsAttention(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
