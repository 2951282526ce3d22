package vn.herald.channel.video;

/** Where the making of one video stands: under way, made (its files stored), or given up with a reason code. */
public enum MadeVideoStatus {
    MAKING, READY, FAILED
}
