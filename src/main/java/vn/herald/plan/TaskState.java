package vn.herald.plan;

/** What a unit says of a task. OVERDUE is not among them: it is computed from the deadline ({@link TaskView#overdue}). */
public enum TaskState { NOT_STARTED, IN_PROGRESS, DONE }
