package vn.herald.channel.tiktok;

import vn.herald.channel.SendResult;

/**
 * A classified failure carried out of the call chain to {@link TikTokAdapter}, which answers it as it is. Its message
 * is the reason people read, never a secret.
 */
class TikTokFailure extends RuntimeException {

    private final SendResult result;

    TikTokFailure(SendResult result) {
        super(reasonOf(result), null, false, false);
        this.result = result;
    }

    static TikTokFailure needsAttention(String reason) {
        return new TikTokFailure(new SendResult.NeedsAttention(reason));
    }

    static TikTokFailure retryLater(String reason) {
        return new TikTokFailure(new SendResult.RetryLater(java.util.Optional.empty(), reason));
    }

    SendResult result() {
        return result;
    }

    static String reasonOf(SendResult result) {
        if (result instanceof SendResult.NeedsAttention attention) {
            return attention.reason();
        }
        if (result instanceof SendResult.RetryLater later) {
            return later.reason();
        }
        if (result instanceof SendResult.Permanent permanent) {
            return permanent.reason();
        }
        return "sent as " + ((SendResult.Sent) result).externalId();
    }
}
