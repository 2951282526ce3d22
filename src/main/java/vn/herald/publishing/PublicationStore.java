package vn.herald.publishing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.channel.Channels;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every change of a publication's state, each with its audit event: one at a time in its own transaction, or, for
 * the attempts and results of sends, a batch of them in one transaction ({@link GroupCommit}).
 */
@Singleton
class PublicationStore {

    private final PublicationRepository publications;
    private final AttemptRepository attempts;
    private final PublicationEventRepository events;
    private final Channels channels;
    private final ApplicationEventPublisher<PublicationTroubled> troubles;
    private final Clock clock;

    PublicationStore(PublicationRepository publications, AttemptRepository attempts, PublicationEventRepository events,
                     Channels channels, ApplicationEventPublisher<PublicationTroubled> troubles, Clock clock) {
        this.troubles = troubles;
        this.channels = channels;
        this.publications = publications;
        this.attempts = attempts;
        this.events = events;
        this.clock = clock;
    }

    Optional<Publication> find(long id) {
        return publications.findById(id);
    }

    Publication get(long id) {
        return find(id).orElseThrow(() -> Refusal.notFound(Refusal.Noun.PUBLICATION, id));
    }

    List<Attempt> attempts(long id) {
        return attempts.findByPublicationIdOrderByNumber(id);
    }

    List<PublicationEvent> events(long id) {
        return events.findByPublicationIdOrderById(id);
    }

    /** Herald's own work (sending, reconciling, expiring): the pages name it "Hệ thống Herald", never by this word. */
    static final String DISPATCHER = "dispatcher";

    @Transactional
    Publication insert(Publication publication, String actor, EventNote note) {
        Publication saved = publications.save(publication);
        events.save(event(saved.id(), null, saved.status(), actor, note, clock.instant()));
        return saved;
    }

    /** Many new publications and their first events, each kind in one JDBC batch; answers them in the same order. */
    @Transactional
    List<Publication> insertAll(List<Publication> made, String actor, List<EventNote> notes) {
        if (made.isEmpty()) {
            return List.of();
        }
        List<Publication> saved = new ArrayList<>();
        publications.saveAll(made).forEach(saved::add);
        Instant now = clock.instant();
        List<PublicationEvent> trail = new ArrayList<>(saved.size());
        for (int i = 0; i < saved.size(); i++) {
            trail.add(event(saved.get(i).id(), null, saved.get(i).status(), actor, notes.get(i), now));
        }
        events.saveAll(trail);
        return saved;
    }

    /** Moves the publication, checking the transition table; {@code changed} carries any other new values. */
    @Transactional
    Publication move(Publication changed, PublicationStatus next, String actor, EventNote note) {
        return move(get(changed.id()), changed, next, actor, note);
    }

    private Publication move(Publication current, Publication changed, PublicationStatus next, String actor,
                             EventNote note) {
        if (current.status() != next && !current.status().canMoveTo(next)) {
            throw refusedMove(current, next);
        }
        Instant now = clock.instant();
        Publication moved = publications.update(changed.with(next, now));
        // a move to the same status (a reschedule) is a change people must see in the trail too
        events.save(event(current.id(), current.status(), next, actor, note, now));
        if (current.status() != next && (next == PublicationStatus.NEEDS_ATTENTION || next == PublicationStatus.EXPIRED)) {
            troubles.publishEvent(new PublicationTroubled(moved.id(), moved.pieceId(), moved.channelId(), moved.unitCode(),
                    next));
        }
        return moved;
    }

    @Transactional
    Publication update(Publication publication, String actor, EventNote note) {
        Publication updated = publications.update(publication.with(publication.status(), clock.instant()));
        events.save(event(publication.id(), publication.status(), publication.status(), actor, note, clock.instant()));
        return updated;
    }

    private static PublicationEvent event(long publicationId, @Nullable PublicationStatus from, PublicationStatus to,
                                          String actor, EventNote note, Instant at) {
        return new PublicationEvent(null, publicationId, from, to, actor, note.reason(), at, note.code(), note.data());
    }

    /** An attempt just recorded, and the publication as it stands with it (SENDING). */
    record Begun(Attempt attempt, Publication publication) {}

    /**
     * Records the attempts of a batch of publications before their platforms are called, in one transaction: a
     * crash after the commit leaves a trace to reconcile from for each of them, a crash before it leaves them as
     * they were. A channel paused since its publications were claimed (another send met a dead token) is read here,
     * in this transaction, just before the calls: those publications get no attempt and an empty answer. One that
     * cannot move to SENDING any more (a person cancelled it) is refused alone; the others are recorded.
     */
    @Transactional
    List<GroupCommit.Answer<Optional<Begun>>> beginAttempts(List<Publication> batch, String node) {
        Instant now = clock.instant();
        Map<Long, Publication> current = current(batch.stream().map(Publication::id).toList());
        Map<String, Boolean> paused = new HashMap<>();
        List<GroupCommit.Answer<Optional<Begun>>> answers = new ArrayList<>();
        List<Attempt> started = new ArrayList<>();
        List<Publication> sending = new ArrayList<>();
        List<PublicationEvent> trail = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Publication publication : batch) {
            Publication stored = current.get(publication.id());
            if (paused.computeIfAbsent(publication.channelId(), id -> channels.get(id).paused())) {
                answers.add(GroupCommit.Answer.of(Optional.empty()));
            } else if (stored == null || !seen.add(publication.id())) {
                answers.add(GroupCommit.Answer.refused(Refusal.notFound(Refusal.Noun.PUBLICATION, publication.id())));
            } else if (stored.status() != PublicationStatus.SENDING && !stored.status().canMoveTo(PublicationStatus.SENDING)) {
                answers.add(GroupCommit.Answer.refused(refusedMove(stored, PublicationStatus.SENDING)));
            } else {
                int number = publication.attempts() + 1;
                started.add(new Attempt(null, publication.id(), number, node, now, null, null, null));
                sending.add(publication.withAttempt(number).with(PublicationStatus.SENDING, now));
                trail.add(event(publication.id(), stored.status(), PublicationStatus.SENDING, DISPATCHER,
                        EventNote.attempt(number), now));
                answers.add(null);
            }
        }
        if (started.isEmpty()) {
            return answers;
        }
        List<Attempt> saved = new ArrayList<>();
        attempts.saveAll(started).forEach(saved::add);
        publications.updateAll(inUnitOrder(sending));
        events.saveAll(trail);
        int next = 0;
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i) == null) {
                answers.set(i, GroupCommit.Answer.of(Optional.of(new Begun(saved.get(next), sending.get(next)))));
                next++;
            }
        }
        return answers;
    }

    /** Where the platform's answer leaves the publication: its new values, status, and what the trail records. */
    record Outcome(Publication changed, PublicationStatus next, EventNote note) {}

    /**
     * What one platform call answered: the attempt's outcome and detail, and {@code decide}, which gets the
     * publication as it stands in the transaction that records it: the adapter may have moved it or left a warning
     * on it during the call (a full loudspeaker session), and the one read there serves both that and the
     * transition check.
     */
    record Finish(Attempt attempt, String outcome, @Nullable String detail, Function<Publication, Outcome> decide) {}

    /**
     * Records what the platforms answered for a batch of attempts and where that leaves each publication, all in one
     * transaction. One whose move is not allowed any more is refused alone; the others are recorded.
     */
    @Transactional
    List<GroupCommit.Answer<Publication>> finishAll(List<Finish> batch) {
        Instant now = clock.instant();
        Map<Long, Publication> current = current(batch.stream().map(finish -> finish.attempt().publicationId()).toList());
        List<GroupCommit.Answer<Publication>> answers = new ArrayList<>();
        List<Attempt> finished = new ArrayList<>();
        List<Publication> moved = new ArrayList<>();
        List<PublicationEvent> trail = new ArrayList<>();
        List<PublicationTroubled> troubled = new ArrayList<>();
        for (Finish finish : batch) {
            Attempt attempt = finish.attempt();
            Publication stored = current.get(attempt.publicationId());
            if (stored == null) {
                answers.add(GroupCommit.Answer.refused(Refusal.notFound(Refusal.Noun.PUBLICATION, attempt.publicationId())));
                continue;
            }
            Outcome result;
            try {
                result = finish.decide().apply(stored);
            } catch (RuntimeException e) {
                answers.add(GroupCommit.Answer.refused(e));
                continue;
            }
            if (stored.status() != result.next() && !stored.status().canMoveTo(result.next())) {
                answers.add(GroupCommit.Answer.refused(refusedMove(stored, result.next())));
                continue;
            }
            Publication after = result.changed().with(result.next(), now);
            current.put(after.id(), after);
            finished.add(new Attempt(attempt.id(), attempt.publicationId(), attempt.number(), attempt.node(),
                    attempt.startedAt(), now, finish.outcome(), finish.detail()));
            moved.add(after);
            trail.add(event(stored.id(), stored.status(), result.next(), DISPATCHER, result.note(), now));
            if (stored.status() != result.next() && (result.next() == PublicationStatus.NEEDS_ATTENTION
                    || result.next() == PublicationStatus.EXPIRED)) {
                troubled.add(new PublicationTroubled(after.id(), after.pieceId(), after.channelId(), after.unitCode(),
                        result.next()));
            }
            answers.add(GroupCommit.Answer.of(after));
        }
        if (!moved.isEmpty()) {
            attempts.updateAll(finished);
            publications.updateAll(inUnitOrder(moved));
            events.saveAll(trail);
            troubled.forEach(troubles::publishEvent);
        }
        return answers;
    }

    /**
     * A batch's rows in the order of their units: every change to a publication raises its unit's read version in the
     * same transaction (V37), so two batches that lock those rows in one order cannot wait on each other in a circle.
     */
    private static List<Publication> inUnitOrder(List<Publication> batch) {
        return batch.stream().sorted(java.util.Comparator.comparing(Publication::unitCode).thenComparing(Publication::id)).toList();
    }

    private Map<Long, Publication> current(List<Long> ids) {
        Map<Long, Publication> byId = new HashMap<>();
        publications.findByIdInList(ids).forEach(publication -> byId.put(publication.id(), publication));
        return byId;
    }

    private static Refusal refusedMove(Publication current, PublicationStatus next) {
        return Refusal.conflict(RefusalCode.PUBLICATION_STATUS_MOVE, current.id(), new Refusal.Word("pstatus." + current.status()),
                new Refusal.Word("pstatus." + next));
    }

    /** Whether another publication on the same channel already holds this platform id. */
    boolean heldByAnother(Publication publication, String externalId) {
        return publications.existsByChannelIdAndExternalIdAndIdNotEqual(publication.channelId(), externalId, publication.id());
    }

    Optional<Attempt> lastAttempt(Publication publication) {
        return attempts.findByPublicationIdAndNumber(publication.id(), publication.attempts());
    }
}
