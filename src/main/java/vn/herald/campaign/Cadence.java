package vn.herald.campaign;

/** How often a channel carries a campaign during its window. */
public enum Cadence { DAILY, EVERY_SESSION_DAY, WEEKLY, FEATURED, NONE }
