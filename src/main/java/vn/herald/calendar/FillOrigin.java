package vn.herald.calendar;

/** Who asked for a fill: a person through the API, or the daily sweep for rules with {@code autofill: true}. */
public enum FillOrigin { REQUEST, AUTOFILL }
