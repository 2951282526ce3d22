package vn.herald.channel.loudspeaker;

/**
 * The broadcast priority of Circular 39/2020/TT-BTTTT: emergency items go out at once, outside the sessions;
 * priority items play ahead of normal ones. Declared in the order a playlist takes them.
 */
public enum Priority { EMERGENCY, PRIORITY, NORMAL }
