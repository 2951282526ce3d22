package vn.herald.notice;

/** What a notice is about. */
public enum NoticeKind {
    SENT_BACK, APPROVED, PUBLICATION_TROUBLE, CHANNEL_PAUSED, REPORT_DUE, ENGAGEMENT_TROUBLE
}
