package vn.herald.notice;

import java.util.List;

/** The notices just written, published inside their transaction; email follows only once it commits. */
record Told(List<Notice> notices) {}
