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
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Every change of a publication's state, each in its own transaction and each with its audit event. */
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
            throw Refusal.conflict(RefusalCode.PUBLICATION_STATUS_MOVE, current.id(), new Refusal.Word("pstatus." + current.status()),
                    new Refusal.Word("pstatus." + next));
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
     * Records the attempt before the platform is called: a crash after this leaves a trace to reconcile from. A
     * channel paused since the publication was claimed (another send met a dead token) is read here, in the attempt's
     * own transaction, just before the call: then nothing is recorded, no attempt is spent, and the answer is empty.
     */
    @Transactional
    Optional<Begun> beginAttempt(Publication publication, String node) {
        if (channels.get(publication.channelId()).paused()) {
            return Optional.empty();
        }
        int number = publication.attempts() + 1;
        Attempt attempt = attempts.save(new Attempt(null, publication.id(), number, node, clock.instant(), null, null, null));
        Publication sending = move(publication.withAttempt(number), PublicationStatus.SENDING, DISPATCHER,
                EventNote.attempt(number));
        return Optional.of(new Begun(attempt, sending));
    }

    /** Where the platform's answer leaves the publication: its new values, status, and what the trail records. */
    record Outcome(Publication changed, PublicationStatus next, EventNote note) {}

    /**
     * Records what the platform answered and where that leaves the publication, together. {@code decide} gets the
     * publication as it stands in this transaction: the adapter may have moved it or left a warning on it during
     * the call (a full loudspeaker session), and the one read here serves both that and the transition check.
     */
    @Transactional
    Publication finish(Attempt attempt, String outcome, @Nullable String detail, Function<Publication, Outcome> decide) {
        Publication current = get(attempt.publicationId());
        Outcome result = decide.apply(current);
        attempts.update(new Attempt(attempt.id(), attempt.publicationId(), attempt.number(), attempt.node(),
                attempt.startedAt(), clock.instant(), outcome, detail));
        return move(current, result.changed(), result.next(), DISPATCHER, result.note());
    }

    /** Whether another publication on the same channel already holds this platform id. */
    boolean heldByAnother(Publication publication, String externalId) {
        return publications.existsByChannelIdAndExternalIdAndIdNotEqual(publication.channelId(), externalId, publication.id());
    }

    Optional<Attempt> lastAttempt(Publication publication) {
        return attempts.findByPublicationIdAndNumber(publication.id(), publication.attempts());
    }
}
