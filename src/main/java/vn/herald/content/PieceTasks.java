package vn.herald.content;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * The plan task a piece serves, written {@code <plan>/<task>} in a content file's {@code task:} key. Plans live above
 * content ({@code plan.TaskLinks} implements this), so the importer checks and records the link through it without
 * knowing what a plan is.
 */
public interface PieceTasks {

    /** Why the reference names no task, in Vietnamese for the import report; empty when it names one. */
    Optional<String> problem(String reference);

    /** Records the task of an imported piece, or removes its link when the file names none. */
    void linkImported(long pieceId, @Nullable String reference);
}
