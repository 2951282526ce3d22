package vn.herald.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.herald.content.Asset;
import vn.herald.content.AssetKind;
import vn.herald.content.Assets;
import vn.herald.content.CleanText;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Access;
import vn.herald.unit.Units;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * What coordinating units did for a plan's tasks, recorded by their own people (role CONTRIBUTOR) or by the unit's
 * editors: a date, what, where, a link or a photo, and the organisation that did it. Entries are the unit's: whoever
 * may change the unit's work may record one, and whoever reads the plan reads them.
 */
@Singleton
public class Contributions {

    private final ContributionRepository contributions;
    private final Plans plans;
    private final Assets assets;
    private final Access access;
    private final Units units;
    private final Clock clock;

    Contributions(ContributionRepository contributions, Plans plans, Assets assets, Access access, Units units, Clock clock) {
        this.contributions = contributions;
        this.plans = plans;
        this.assets = assets;
        this.access = access;
        this.units = units;
        this.clock = clock;
    }

    /** A contribution as a form sends it; {@code unit} defaults to the caller's own. */
    @Serdeable
    public record ContributionForm(@NotBlank @Size(max = 200) String organisation, @NotNull LocalDate doneOn,
                                   @NotBlank @Size(max = 1000) String what, @Nullable @Size(max = 300) String place,
                                   @Nullable @Size(max = 1000) String link, @Nullable String unit) {}

    /** A photo sent with a contribution: stored like every upload, by hash, within the image size limit. */
    public record Photo(InputStream content, String fileName) {}

    public ContributionRow record(String planCode, String taskCode, ContributionForm form, @Nullable Photo photo, String actor) {
        Plan plan = plans.get(planCode);
        plan.task(taskCode).orElseThrow(() -> Refusal.notFound(Refusal.Noun.PLAN, planCode + "/" + taskCode));
        String unit = form.unit() == null || form.unit().isBlank() ? access.reach().homeUnit() : access.unit(form.unit(), "unit").code();
        if (!plans.concerns(plan, unit)) {
            throw Refusal.invalid("unit", RefusalCode.TASK_STATE_UNIT, units.get(unit).name(), plan.number());
        }
        access.act(unit, Refusal.Noun.PLAN, planCode);
        LocalDate today = LocalDate.now(clock.withZone(units.zoneOf(unit)));
        if (form.doneOn().isAfter(today) || form.doneOn().isBefore(plan.periodFrom())) {
            throw Refusal.invalid("doneOn", RefusalCode.CONTRIBUTION_DAY, Refusal.day(form.doneOn()), Refusal.day(plan.periodFrom()));
        }
        String link = blankToNull(form.link());
        if (link != null && !(link.startsWith("https://") || link.startsWith("http://"))) {
            throw Refusal.invalid("link", RefusalCode.CONTRIBUTION_LINK, link);
        }
        Long assetId = null;
        if (photo != null) {
            Asset asset = assets.store(photo.content(), photo.fileName());
            if (asset.kind() != AssetKind.IMAGE) {
                throw Refusal.invalid("photo", RefusalCode.CONTRIBUTION_PHOTO, photo.fileName());
            }
            assetId = asset.id();
        }
        return contributions.save(new ContributionRow(null, planCode, taskCode, unit, CleanText.line(form.organisation()).strip(),
                form.doneOn(), CleanText.text(form.what()).strip(), blankToNull(form.place()), link, assetId, actor, clock.instant()));
    }

    /** The task's contributions the caller may read, newest first. */
    public List<ContributionRow> of(String planCode, String taskCode) {
        plans.get(planCode);
        return contributions.findByPlanCodeAndTaskCodeOrderByDoneOnDesc(planCode, taskCode).stream()
                .filter(c -> access.reach().canRead(c.unitCode())).toList();
    }

    /** The address of a contribution's photo, served by hash like every stored file. */
    public @Nullable String photoAddress(ContributionRow contribution) {
        return contribution.assetId() == null ? null
                : assets.find(contribution.assetId()).map(Asset::url).orElse(null);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : CleanText.line(text).strip();
    }
}
