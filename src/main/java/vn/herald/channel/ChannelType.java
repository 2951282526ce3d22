package vn.herald.channel;

/** The kinds of channel Herald publishes to. */
public enum ChannelType { EPORTAL, FACEBOOK_PAGE, ZALO_OA, LOUDSPEAKER, SCREEN, YOUTUBE, TIKTOK }
