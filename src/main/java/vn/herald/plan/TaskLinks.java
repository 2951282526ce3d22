package vn.herald.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.herald.content.Piece;
import vn.herald.content.PieceTasks;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Publishing;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Access;
import vn.herald.unit.Units;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which plan task a piece, a publication or a campaign template serves. A publication's task is its own link when it
 * was given one, else its campaign template's (a publication a campaign placed), else its piece's: it is resolved when
 * read, so linking a piece links the publications made of it.
 */
@Singleton
public class TaskLinks implements PieceTasks {

    private final TaskLinkRepository links;
    private final Plans plans;
    private final Pieces pieces;
    private final Publishing publishing;
    private final Access access;
    private final Units units;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    TaskLinks(TaskLinkRepository links, Plans plans, Pieces pieces, Publishing publishing, Access access, Units units,
              TransactionOperations<Connection> transactions, Clock clock) {
        this.links = links;
        this.plans = plans;
        this.pieces = pieces;
        this.publishing = publishing;
        this.access = access;
        this.units = units;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A task as shown beside what serves it: its reference, its title and its plan's number. */
    @Serdeable
    public record LinkedTask(String ref, String plan, String task, String title, String planNumber) {}

    // --- checking references (imports)

    @Override
    public Optional<String> problem(String reference) {
        Optional<TaskRef> ref = TaskRef.parse(reference);
        if (ref.isEmpty()) {
            return Optional.of("ghi '" + reference + "', cần dạng <mã kế hoạch>/<mã nhiệm vụ>, ví dụ ke-hoach-57-hoa-an/ban-tin-loa");
        }
        Optional<Plan> plan = plans.find(ref.get().plan());
        if (plan.isEmpty()) {
            return Optional.of("không có kế hoạch '" + ref.get().plan() + "' (các kế hoạch nằm trong content/plans/)");
        }
        if (plan.get().task(ref.get().task()).isEmpty()) {
            return Optional.of("kế hoạch " + plan.get().number() + " không có nhiệm vụ '" + ref.get().task() + "'; các nhiệm vụ: "
                    + plan.get().tasks().stream().map(PlanTask::code).collect(Collectors.joining(", ")));
        }
        return Optional.empty();
    }

    @Override
    public void linkImported(long pieceId, @Nullable String reference) {
        put(TaskLinkRow.Subject.PIECE, String.valueOf(pieceId), reference == null ? null : TaskRef.parse(reference).orElseThrow(), "import");
    }

    /** A campaign template's task, from its file's {@code task:} key (checked with {@link #problem} first). */
    public void linkTemplate(String templateCode, @Nullable String reference) {
        put(TaskLinkRow.Subject.CAMPAIGN_TEMPLATE, templateCode, reference == null ? null : TaskRef.parse(reference).orElseThrow(), "import");
    }

    // --- linking by people

    /** Names (or, with a blank reference, removes) the task a piece serves; an editor's change of the piece's unit. */
    public Optional<LinkedTask> linkPiece(long pieceId, @Nullable String reference, String actor) {
        Piece piece = pieces.get(pieceId);
        access.act(piece.unitCode(), Refusal.Noun.PIECE, pieceId);
        Optional<TaskRef> ref = checked(reference, piece.unitCode());
        put(TaskLinkRow.Subject.PIECE, String.valueOf(pieceId), ref.orElse(null), actor);
        return ref.flatMap(this::shown);
    }

    /** Names the task one publication serves, in place of its piece's or its campaign's. */
    public Optional<LinkedTask> linkPublication(long publicationId, @Nullable String reference, String actor) {
        Publication publication = publishing.get(publicationId);
        access.act(publication.unitCode(), Refusal.Noun.PUBLICATION, publicationId);
        Optional<TaskRef> ref = checked(reference, publication.unitCode());
        put(TaskLinkRow.Subject.PUBLICATION, String.valueOf(publicationId), ref.orElse(null), actor);
        return ofPublication(publicationId);
    }

    // --- reading

    public Optional<LinkedTask> ofPiece(long pieceId) {
        return links.findBySubjectAndSubjectId(TaskLinkRow.Subject.PIECE, String.valueOf(pieceId))
                .map(TaskLinkRow::ref).flatMap(this::shown);
    }

    public Optional<LinkedTask> ofTemplate(String templateCode) {
        return links.findBySubjectAndSubjectId(TaskLinkRow.Subject.CAMPAIGN_TEMPLATE, templateCode)
                .map(TaskLinkRow::ref).flatMap(this::shown);
    }

    public Optional<LinkedTask> ofPublication(long publicationId) {
        return Optional.ofNullable(ofPublications(List.of(publicationId)).get(publicationId));
    }

    /** The task each publication serves (own link, else its campaign template's, else its piece's); unlinked ones are absent. */
    public Map<Long, LinkedTask> ofPublications(Collection<Long> publicationIds) {
        Map<Long, TaskRef> refs = resolve(publicationIds);
        Map<String, Optional<LinkedTask>> shown = new HashMap<>();
        Map<Long, LinkedTask> result = new HashMap<>();
        refs.forEach((id, ref) -> shown.computeIfAbsent(ref.toString(), k -> shown(ref)).ifPresent(t -> result.put(id, t)));
        return result;
    }

    /** The same, as bare references: what {@link TaskProgress} counts with. */
    Map<Long, TaskRef> resolve(Collection<Long> publicationIds) {
        if (publicationIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, TaskRef> result = new HashMap<>();
        List<Long> ids = new ArrayList<>(publicationIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = chunk.stream().map(id -> "?").collect(Collectors.joining(","));
            String sql = """
                    select p.id,
                           coalesce(own.plan_code, tpl.plan_code, pc.plan_code),
                           coalesce(own.task_code, tpl.task_code, pc.task_code)
                    from publication p
                    left join task_link own on own.subject = 'PUBLICATION' and own.subject_id = cast(p.id as varchar(64))
                    left join campaign_slot s on s.publication_id = p.id
                    left join campaign c on c.id = s.campaign_id
                    left join task_link tpl on tpl.subject = 'CAMPAIGN_TEMPLATE' and tpl.subject_id = c.code
                    left join task_link pc on pc.subject = 'PIECE' and pc.subject_id = cast(p.piece_id as varchar(64))
                    where p.id in (%s)""".formatted(marks);
            transactions.executeRead(status -> {
                try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            if (rows.getString(2) != null) {
                                result.put(rows.getLong(1), new TaskRef(rows.getString(2), rows.getString(3)));
                            }
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("could not read the tasks of publications", e);
                }
                return null;
            });
        }
        return result;
    }

    private Optional<TaskRef> checked(@Nullable String reference, String unitCode) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        TaskRef ref = TaskRef.parse(reference).orElseThrow(() -> Refusal.invalid("task", RefusalCode.TASK_REF_FORM, reference));
        Plan plan = plans.find(ref.plan()).orElseThrow(() -> Refusal.invalid("task", RefusalCode.TASK_UNKNOWN, reference));
        if (plan.task(ref.task()).isEmpty()) {
            throw Refusal.invalid("task", RefusalCode.TASK_UNKNOWN, reference);
        }
        if (!plans.concerns(plan, unitCode)) {
            throw Refusal.invalid("task", RefusalCode.TASK_STATE_UNIT, units.get(unitCode).name(), plan.number());
        }
        return Optional.of(ref);
    }

    private void put(TaskLinkRow.Subject subject, String subjectId, @Nullable TaskRef ref, String actor) {
        Optional<TaskLinkRow> existing = links.findBySubjectAndSubjectId(subject, subjectId);
        if (ref == null) {
            existing.ifPresent(links::delete);
            return;
        }
        if (existing.isPresent() && existing.get().ref().equals(ref)) {
            return;
        }
        TaskLinkRow row = new TaskLinkRow(existing.map(TaskLinkRow::id).orElse(null), subject, subjectId, ref.plan(),
                ref.task(), actor, clock.instant());
        if (existing.isPresent()) {
            links.update(row);
        } else {
            links.save(row);
        }
    }

    private Optional<LinkedTask> shown(TaskRef ref) {
        return plans.find(ref.plan()).flatMap(plan -> plan.task(ref.task())
                .map(task -> new LinkedTask(ref.toString(), ref.plan(), ref.task(), task.title(), plan.number())));
    }
}
