package vn.herald.calendar;

/** What a feed covers: every channel of a unit, or one channel. */
public enum IcalScope { UNIT, CHANNEL }
