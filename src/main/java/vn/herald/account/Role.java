package vn.herald.account;

/** What a user may do. Editors write, approvers approve, admins manage users, units and imports. */
public enum Role { EDITOR, APPROVER, ADMIN }
