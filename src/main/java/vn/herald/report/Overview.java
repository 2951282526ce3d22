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
                       List<Row> rows, ReachTotal reach) {

    /**
     * One child unit: how well it kept its weekly cadence (null without rules), what it published, the problems a
     * person must solve now (paused channels, publications that need attention), its tasks' measurable outputs and
     * its plans' measurable targets met, and the residents it reached (null while its figures are not entered or
     * nothing was read back; docs/reach.md).
     */
    @Serdeable
    public record Row(String unitCode, String unitName, @Nullable Integer compliancePercent, int weeksMissed,
                      int published, int pausedChannels, int needsAttention, int outputsMet, int outputsMeasurable,
                      int targetsMet, int targetsMeasured, int tasksOverdue, @Nullable Integer population,
                      @Nullable Integer households, @Nullable Long reached, @Nullable String reachedShare) {
        public int openProblems() {
            return pausedChannels + needsAttention;
        }

        /** Outputs and targets met, the ranking's numerator. */
        public int met() {
            return outputsMet + targetsMet;
        }

        /** Outputs and targets that could be measured, the ranking's denominator. */
        public int measurable() {
            return outputsMeasurable + targetsMeasured;
        }

        /** "3/4": measurable outputs and targets met, out of all of them. */
        public String metOfMeasurable() {
            return met() + "/" + measurable();
        }

        /** "9.750 (78,6%)", or "chưa có số liệu". */
        public String reachText() {
            return reached == null ? Report.NO_DATA : Letterhead.number(reached) + " (" + reachedShare + ")";
        }
    }

    /**
     * The communes' residents reached together: the sums over the communes with figures ({@code counted} of them), the
     * share as "78,6%" (null when none has figures).
     */
    @Serdeable
    public record ReachTotal(long population, long reached, @Nullable String share, int counted, int units) {

        /** "Các đơn vị có số liệu (2/3) đã tiếp cận 19.500 trên 24.800 người dân (78,6%)." */
        public String sentence() {
            return share == null ? "Số người dân được tiếp cận thông tin: " + Report.NO_DATA + "."
                    : "Các đơn vị có số liệu (" + counted + "/" + units + ") đã tiếp cận thông tin tới "
                    + Letterhead.number(reached) + " trên " + Letterhead.number(population) + " người dân (" + share + ").";
        }
    }

    /**
     * The ranking: the larger share of measurable outputs and targets met first (a unit with none to measure last),
     * then fewer tasks overdue, then the name. Compared as fractions by cross-multiplying, so 1/2 and 2/4 tie exactly.
     */
    private static final Comparator<Row> RANKING = ((Comparator<Row>) (a, b) -> {
        if (a.measurable() == 0 || b.measurable() == 0) {
            return Boolean.compare(a.measurable() == 0, b.measurable() == 0);
        }
        return Long.compare((long) b.met() * a.measurable(), (long) a.met() * b.measurable());
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
