package vn.herald.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.text.Collator;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A parent unit's view of its child units over one period: one row per unit. */
@Serdeable
public record Overview(Report.UnitLine parent, ReportPeriod period, Instant generatedAt, Sort sort, boolean descending,
                       List<Row> rows) {

    /**
     * One child unit: how well it kept its weekly cadence (null without rules), what it published, and the problems
     * a person must solve now (paused channels, publications that need attention).
     */
    @Serdeable
    public record Row(String unitCode, String unitName, @Nullable Integer compliancePercent, int weeksMissed,
                      int published, int pausedChannels, int needsAttention, int outputsMet, int outputsMeasurable,
                      int tasksOverdue, @Nullable Integer population, @Nullable Integer households) {
        public int openProblems() {
            return pausedChannels + needsAttention;
        }

        /** "3/4": measurable outputs of the period's tasks met, out of all of them. */
        public String targetsMet() {
            return outputsMet + "/" + outputsMeasurable;
        }
    }

    /**
     * The ranking: the larger share of measurable outputs met first (a unit with none to measure last), then fewer
     * tasks overdue, then the name. Compared as fractions by cross-multiplying, so 1/2 and 2/4 tie exactly.
     */
    private static final Comparator<Row> RANKING = ((Comparator<Row>) (a, b) -> {
        if (a.outputsMeasurable() == 0 || b.outputsMeasurable() == 0) {
            return Boolean.compare(a.outputsMeasurable() == 0, b.outputsMeasurable() == 0);
        }
        return Long.compare((long) b.outputsMet() * a.outputsMeasurable(), (long) a.outputsMet() * b.outputsMeasurable());
    }).thenComparingInt(Row::tasksOverdue);

    public enum Sort {
        // Vietnamese collation: "Ân Thi" sorts before "Bình Xuyên", not after "Yên Lạc"
        NAME(Comparator.comparing(Row::unitName, Collator.getInstance(Locale.forLanguageTag("vi")))),
        COMPLIANCE(Comparator.comparing(Row::compliancePercent, Comparator.nullsFirst(Comparator.naturalOrder()))),
        PUBLISHED(Comparator.comparingInt(Row::published)),
        PROBLEMS(Comparator.comparingInt(Row::openProblems)),
        // the province's ranking; its direction is fixed (best first), so the order asked for does not turn it
        TARGETS(RANKING);

        private final Comparator<Row> order;

        Sort(Comparator<Row> order) {
            this.order = order;
        }

        Comparator<Row> order(boolean descending) {
            if (this == TARGETS) {
                return order.thenComparing(NAME.order).thenComparing(Row::unitCode);
            }
            Comparator<Row> primary = descending ? order.reversed() : order;
            return primary.thenComparing(Row::unitCode);
        }
    }
}
