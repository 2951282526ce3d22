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
                      int published, int pausedChannels, int needsAttention) {
        public int openProblems() {
            return pausedChannels + needsAttention;
        }
    }

    public enum Sort {
        // Vietnamese collation: "Ân Thi" sorts before "Bình Xuyên", not after "Yên Lạc"
        NAME(Comparator.comparing(Row::unitName, Collator.getInstance(Locale.forLanguageTag("vi")))),
        COMPLIANCE(Comparator.comparing(Row::compliancePercent, Comparator.nullsFirst(Comparator.naturalOrder()))),
        PUBLISHED(Comparator.comparingInt(Row::published)),
        PROBLEMS(Comparator.comparingInt(Row::openProblems));

        private final Comparator<Row> order;

        Sort(Comparator<Row> order) {
            this.order = order;
        }

        Comparator<Row> order(boolean descending) {
            Comparator<Row> primary = descending ? order.reversed() : order;
            return primary.thenComparing(Row::unitCode);
        }
    }
}
