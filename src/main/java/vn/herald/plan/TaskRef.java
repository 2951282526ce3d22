package vn.herald.plan;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Optional;

/** A task named as content files and forms name it: {@code <plan>/<task>}, e.g. {@code ke-hoach-57-hoa-an/ban-tin-loa}. */
@Serdeable
public record TaskRef(String plan, String task) {

    /** The reference read from its text, or empty when it is not two codes around one slash. */
    public static Optional<TaskRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2 || !PlanFiles.CODE.matcher(parts[0]).matches() || !PlanFiles.CODE.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new TaskRef(parts[0], parts[1]));
    }

    @Override
    public String toString() {
        return plan + "/" + task;
    }
}
