package vn.herald.channel;

/** {@code dry-run} does everything but the final call and keeps the request that would have gone out. */
public enum ChannelMode { LIVE, DRY_RUN }
