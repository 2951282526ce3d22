package vn.herald.account;

/**
 * What a user may do. Editors write, approvers approve, admins manage users, units and imports; a contributor (the
 * police, the Fatherland Front, a school) records what their organisation did for the unit's plan tasks and nothing
 * else: no writing, no scheduling.
 */
public enum Role { EDITOR, APPROVER, ADMIN, CONTRIBUTOR }
