package vn.herald.channel.zalo;

import vn.herald.channel.SendResult;

/**
 * A classified failure that happened before anything was published, carried out of the call chain to
 * {@link ZaloAdapter#send}, which answers it as it is. Its message is the reason, never a secret.
 */
class ZaloFailure extends RuntimeException {

    private final SendResult result;

    ZaloFailure(SendResult result) {
        super(reasonOf(result), null, false, false);
        this.result = result;
    }

    static ZaloFailure needsAttention(String reason) {
        return new ZaloFailure(new SendResult.NeedsAttention(reason));
    }

    static ZaloFailure retryLater(String reason) {
        return new ZaloFailure(new SendResult.RetryLater(java.util.Optional.empty(), reason));
    }

    SendResult result() {
        return result;
    }

    private static String reasonOf(SendResult result) {
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
