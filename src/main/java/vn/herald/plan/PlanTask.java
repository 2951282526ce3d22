package vn.herald.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.channel.ChannelType;

import java.time.LocalDate;
import java.util.List;

/**
 * One task of a plan: what is to be done, the unit that leads it and those that coordinate (organisation names as the
 * plan writes them), its deadline and the outputs expected of it.
 */
@Serdeable
public record PlanTask(String code, int position, String title, String lead, List<String> coordinating,
                       Deadline deadline, List<ExpectedOutput> outputs) {

    /** "thường xuyên", "khi có yêu cầu", a day, or a month such as 6/2025 (due on its last day). */
    @Serdeable
    public record Deadline(DeadlineKind kind, @Nullable LocalDate date, String text) {

        /** Past its deadline on {@code today}: only a day or a month can pass; ongoing and on-request work never does. */
        public boolean passed(LocalDate today) {
            return date != null && today.isAfter(date);
        }
    }

    public enum DeadlineKind { ONGOING, ON_REQUEST, DATE, MONTH }

    /**
     * What a task is expected to produce. PUBLICATIONS: at least {@code atLeast} items published on a channel type
     * (and about {@code topic} when named) each {@code per}; SECTION: the built-in portal has the topic section with at
     * least one article; CONTRIBUTIONS: at least {@code atLeast} contributions recorded each {@code per}; TEXT: free
     * text, shown as written and not computed.
     */
    @Serdeable
    public record ExpectedOutput(OutputKind kind, @Nullable ChannelType channel, @Nullable String topic, int atLeast,
                                 @Nullable Per per, String text) {

        public boolean measurable() {
            return kind != OutputKind.TEXT;
        }
    }

    public enum OutputKind { PUBLICATIONS, SECTION, CONTRIBUTIONS, TEXT }

    /** The span each expected count is for; PERIOD means the whole period asked about. */
    public enum Per { WEEK, MONTH, PERIOD }
}
