package vn.herald.calendar;

/** Where a fill stands: proposed, then scheduled once, or stale when it no longer held at confirmation. */
public enum FillStatus { PROPOSED, SCHEDULED, STALE }
