package vn.herald.calendar;

/** How a week stands against a cadence rule. */
public enum GapState {
    /** Enough publications: published, for a past week; planned and not cancelled, for a current or coming one. */
    MET,
    /** A past week with fewer publications published than the rule asks. */
    MISSED,
    /** The current week, or one starting within the warning horizon, not yet covered by scheduled publications. */
    AT_RISK,
    /** A week beyond the warning horizon: not judged yet. */
    NOT_YET
}
