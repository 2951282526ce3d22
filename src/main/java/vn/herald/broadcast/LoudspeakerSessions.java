package vn.herald.broadcast;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import vn.herald.channel.Payload;
import vn.herald.channel.loudspeaker.SessionBook;
import vn.herald.exposure.ServerPaths;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The loudspeaker sessions as publishing knows them: which publications a session holds, and the lock under which
 * a session's programme is rebuilt. The lock is a row of {@code loudspeaker_session} taken with
 * {@code select ... for update}, so builds of one session never interleave on any instance; threads of one instance
 * queue on a local lock first, so they never hold a database connection just to wait.
 */
@Singleton
class LoudspeakerSessions implements SessionBook {

    static final String ACTOR = "loudspeaker";
    private static final int STRIPES = 64;
    private static final Set<PublicationStatus> OUT = EnumSet.of(PublicationStatus.CANCELLED, PublicationStatus.EXPIRED,
            PublicationStatus.NEEDS_ATTENTION);
    private static final Set<PublicationStatus> DELIVERED = EnumSet.of(PublicationStatus.PUBLISHED, PublicationStatus.UNKNOWN);

    // a provider: publishing reaches this through the loudspeaker adapter, so a direct reference would be a cycle
    private final Provider<Publishing> publishing;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final ServerPaths paths;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    LoudspeakerSessions(Provider<Publishing> publishing, TransactionOperations<Connection> transactions, Clock clock,
                        ServerPaths paths) {
        this.paths = paths;
        this.publishing = publishing;
        this.transactions = transactions;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public Entry entry(long publicationId) {
        return entryOf(publishing.get().get(publicationId));
    }

    @Override
    public List<Entry> planned(String channelId, Instant after, Instant upTo) {
        List<Entry> entries = new ArrayList<>();
        // the filter's end is exclusive; a microsecond more includes a publication planned right at the session start
        Publishing.Filter filter = new Publishing.Filter(null, channelId, null, after, upTo.plusNanos(1000));
        Page<Publication> page = publishing.get().list(filter, Pageable.from(0, 500));
        while (true) {
            for (Publication publication : page.getContent()) {
                if (publication.plannedAt().isAfter(after) && !OUT.contains(publication.status())) {
                    entries.add(entryOf(publication));
                }
            }
            if (page.getContent().size() < page.getSize()) {
                return entries;
            }
            page = publishing.get().list(filter, page.getPageable().next());
        }
    }

    @Override
    public <T> T underLock(String channelId, Instant sessionStart, Supplier<T> work) {
        ReentrantLock local = stripes[Math.floorMod(Objects.hash(channelId, sessionStart), STRIPES)];
        local.lock();
        try {
            return transactions.executeWrite(status -> {
                Connection connection = status.getConnection();
                OffsetDateTime start = sessionStart.atOffset(ZoneOffset.UTC);
                execute(connection, "insert into loudspeaker_session (channel_id, session_start) values (?, ?) "
                        + "on conflict do nothing", channelId, start);
                lockRow(connection, channelId, start);
                T result = work.get();
                execute(connection, "update loudspeaker_session set built_at = ? where channel_id = ? and session_start = ?",
                        clock.instant().atOffset(ZoneOffset.UTC), channelId, start);
                return result;
            });
        } finally {
            local.unlock();
        }
    }

    /** When the session's programme was last built, if ever. */
    Optional<Instant> builtAt(String channelId, Instant sessionStart) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(
                    "select built_at from loudspeaker_session where channel_id = ? and session_start = ?")) {
                statement.setString(1, channelId);
                statement.setObject(2, sessionStart.atOffset(ZoneOffset.UTC));
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(rows.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                            : Optional.<Instant>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read loudspeaker session " + channelId + " " + sessionStart, e);
            }
        });
    }

    @Override
    public void moveTo(long publicationId, Instant plannedAt, String warning) {
        publishing.get().defer(publicationId, plannedAt, warning, ACTOR);
    }

    @Override
    public void warn(long publicationId, String warning) {
        // a speech engine's error may name its cache folder: shown inside the data folder
        publishing.get().warn(publicationId, paths.hide(warning), ACTOR);
    }

    private static Entry entryOf(Publication publication) {
        return new Entry(publication.id(), publication.priority(), publication.plannedAt(),
                DELIVERED.contains(publication.status()), new Payload(publication.payload(), publication.payloadSummary()));
    }

    private static void lockRow(Connection connection, String channelId, OffsetDateTime start) {
        try (PreparedStatement statement = connection.prepareStatement(
                "select channel_id from loudspeaker_session where channel_id = ? and session_start = ? for update")) {
            statement.setString(1, channelId);
            statement.setObject(2, start);
            try (ResultSet ignored = statement.executeQuery()) {
                // holding the row lock until the transaction ends is the point
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock loudspeaker session " + channelId + " " + start, e);
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("loudspeaker session: " + sql, e);
        }
    }
}
