package vn.herald.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.herald.content.CleanText;
import vn.herald.plan.Plans;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Access;
import vn.herald.unit.Unit;

import java.time.Clock;
import java.util.Map;

/**
 * The problems and proposals an editor adds to a report before exporting it, kept per unit, period and plan task (and
 * one general block), so every later rendering of that period's report carries them.
 */
@Singleton
public class ReportNotes {

    /** The key of the report's general block; a task's key is {@code <plan>/<task>}. */
    public static final String GENERAL = "";
    static final int MOST_CHARACTERS = 4000;

    private final ReportNoteRepository notes;
    private final ReportConfig config;
    private final Plans plans;
    private final Access access;
    private final Clock clock;

    ReportNotes(ReportNoteRepository notes, ReportConfig config, Plans plans, Access access, Clock clock) {
        this.notes = notes;
        this.config = config;
        this.plans = plans;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Writes the texts given, by key ({@link #GENERAL} or {@code <plan>/<task>}); a blank text removes the block.
     * Keys not given are left as they are. Only someone who may change the unit's work may write.
     */
    @Transactional
    public void save(@Nullable String unitCode, String periodLabel, Map<String, String> texts, String actor) {
        Unit unit = access.unitToChange(unitCode, "unit");
        ReportPeriod period = ReportPeriod.parse(periodLabel, config.boundaries());
        for (Map.Entry<String, String> entry : texts.entrySet()) {
            String[] key = key(unit.code(), entry.getKey());
            String text = entry.getValue() == null ? "" : CleanText.text(entry.getValue()).strip();
            if (text.length() > MOST_CHARACTERS) {
                throw Refusal.invalid("notes", RefusalCode.REPORT_NOTE_TOO_LONG, MOST_CHARACTERS);
            }
            var existing = notes.findByUnitCodeAndPeriodAndPlanCodeAndTaskCode(unit.code(), period.label(), key[0], key[1]);
            if (text.isEmpty()) {
                existing.ifPresent(notes::delete);
            } else if (existing.isPresent()) {
                notes.update(new ReportNote(existing.get().id(), unit.code(), period.label(), key[0], key[1], text, actor,
                        clock.instant()));
            } else {
                notes.save(new ReportNote(null, unit.code(), period.label(), key[0], key[1], text, actor, clock.instant()));
            }
        }
    }

    /** The plan and task codes of a key; a task must belong to a plan concerning the unit. */
    private String[] key(String unitCode, String key) {
        if (key == null || key.isBlank()) {
            return new String[] {"", ""};
        }
        String[] parts = key.strip().split("/", -1);
        boolean known = parts.length == 2 && plans.concerning(unitCode).stream()
                .anyMatch(plan -> plan.code().equals(parts[0]) && plan.task(parts[1]).isPresent());
        if (!known) {
            throw Refusal.invalid("notes", RefusalCode.REPORT_NOTE_TASK_UNKNOWN, key.strip());
        }
        return parts;
    }
}
