package vn.herald.engagement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.herald.channel.Channel;
import vn.herald.channel.Metric;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The engagement tables: figures per post and day, the channel's own per day, each channel's last outcome, the runs. */
@Singleton
class EngagementStore {

    /** One channel's collection on one (unit) day. */
    record Run(String channelId, LocalDate day, RunState state, long cursorId, int calls, Instant nextCallAt,
               Instant windowEnd) {}

    enum RunState { RUNNING, DONE, MISSED }

    /** A figure as stored: the day it was read for, its value and when. */
    record Stored(LocalDate day, Metric metric, long value, Instant readAt) {}

    private final Sql sql;

    EngagementStore(Sql sql) {
        this.sql = sql;
    }

    // --- figures

    /** Stores a reading for the day: each post's figures replace that post's earlier figures of the same day. */
    void saveFigures(Channel channel, LocalDate day, Instant readAt, Map<Metric, Long> channelFigures,
                     Map<Long, Map<Metric, Long>> posts) {
        sql.inTransaction(connection -> {
            if (!posts.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "delete from engagement_figure where publication_id = ? and on_day = ?")) {
                    for (Long id : posts.keySet()) {
                        delete.setLong(1, id);
                        delete.setObject(2, day);
                        delete.addBatch();
                    }
                    delete.executeBatch();
                }
                try (PreparedStatement insert = connection.prepareStatement("insert into engagement_figure "
                        + "(publication_id, on_day, metric, channel_id, unit_code, amount, read_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                    for (Map.Entry<Long, Map<Metric, Long>> post : posts.entrySet()) {
                        for (Map.Entry<Metric, Long> figure : post.getValue().entrySet()) {
                            insert.setLong(1, post.getKey());
                            insert.setObject(2, day);
                            insert.setString(3, figure.getKey().name());
                            insert.setString(4, channel.id());
                            insert.setString(5, channel.unitCode());
                            insert.setLong(6, figure.getValue());
                            insert.setTimestamp(7, Timestamp.from(readAt));
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
            }
            for (Map.Entry<Metric, Long> figure : channelFigures.entrySet()) {
                Sql.update(connection, "delete from channel_figure where channel_id = ? and on_day = ? and metric = ?", s -> {
                    s.setString(1, channel.id());
                    s.setObject(2, day);
                    s.setString(3, figure.getKey().name());
                });
                Sql.update(connection, "insert into channel_figure (channel_id, on_day, metric, amount, read_at) values (?, ?, ?, ?, ?)", s -> {
                    s.setString(1, channel.id());
                    s.setObject(2, day);
                    s.setString(3, figure.getKey().name());
                    s.setLong(4, figure.getValue());
                    s.setTimestamp(5, Timestamp.from(readAt));
                });
            }
            return null;
        });
    }

    /** The publication's figures of the latest day it was read. */
    List<Stored> latest(long publicationId) {
        return sql.inTransaction(connection -> {
            List<Stored> figures = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select on_day, metric, amount, read_at from engagement_figure "
                    + "where publication_id = ? and on_day = (select max(on_day) from engagement_figure where publication_id = ?) order by metric")) {
                select.setLong(1, publicationId);
                select.setLong(2, publicationId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        figures.add(new Stored(rows.getObject(1, LocalDate.class), Metric.valueOf(rows.getString(2)),
                                rows.getLong(3), rows.getTimestamp(4).toInstant()));
                    }
                }
            }
            return figures;
        });
    }

    /** The latest figures of each of these publications (days before none). */
    Map<Long, Map<Metric, Long>> latestOf(Collection<Long> publicationIds) {
        Map<Long, Map<Metric, Long>> figures = new HashMap<>();
        if (publicationIds.isEmpty()) {
            return figures;
        }
        List<Long> ids = List.copyOf(publicationIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            sql.inTransaction(connection -> {
                try (PreparedStatement select = connection.prepareStatement("select f.publication_id, f.metric, f.amount "
                        + "from engagement_figure f where f.publication_id in (" + marks + ") and f.on_day = "
                        + "(select max(g.on_day) from engagement_figure g where g.publication_id = f.publication_id)")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            figures.computeIfAbsent(rows.getLong(1), id -> new EnumMap<>(Metric.class))
                                    .put(Metric.valueOf(rows.getString(2)), rows.getLong(3));
                        }
                    }
                }
                return null;
            });
        }
        return figures;
    }

    /** One channel's per-post figures over a period: each metric's sum over the posts and its largest single value. */
    record PostTotals(Map<Metric, Long> sums, Map<Metric, Long> largest) {}

    /**
     * Per channel, the sum and the largest value of each metric over the unit's publications planned in [from, to),
     * each post as last read on or before {@code through}.
     */
    Map<String, PostTotals> totalsByChannel(String unitCode, Instant from, Instant to, LocalDate through) {
        return sql.inTransaction(connection -> {
            Map<String, PostTotals> totals = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("select f.channel_id, f.metric, sum(f.amount), max(f.amount) "
                    + "from engagement_figure f join publication p on p.id = f.publication_id "
                    + "where f.unit_code = ? and p.planned_at >= ? and p.planned_at < ? and f.on_day = (select max(g.on_day) "
                    + "from engagement_figure g where g.publication_id = f.publication_id and g.on_day <= ?) "
                    + "group by f.channel_id, f.metric")) {
                select.setString(1, unitCode);
                select.setTimestamp(2, Timestamp.from(from));
                select.setTimestamp(3, Timestamp.from(to));
                select.setObject(4, through);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        PostTotals channel = totals.computeIfAbsent(rows.getString(1),
                                id -> new PostTotals(new EnumMap<>(Metric.class), new EnumMap<>(Metric.class)));
                        Metric metric = Metric.valueOf(rows.getString(2));
                        channel.sums().put(metric, rows.getLong(3));
                        channel.largest().put(metric, rows.getLong(4));
                    }
                }
            }
            return totals;
        });
    }

    /** The channel's own figure as last read on or before the day. */
    Optional<Long> channelFigure(String channelId, Metric metric, LocalDate through) {
        return sql.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select amount from channel_figure where channel_id = ? "
                    + "and metric = ? and on_day <= ? order by on_day desc")) {
                select.setString(1, channelId);
                select.setString(2, metric.name());
                select.setObject(3, through);
                select.setMaxRows(1);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    // --- the last outcome per channel

    Optional<ChannelState> state(String channelId) {
        return sql.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select state, code, args, reason, retry_at, since, "
                    + "read_at from engagement_state where channel_id = ?")) {
                select.setString(1, channelId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<ChannelState>empty();
                    }
                    Timestamp retry = rows.getTimestamp(5);
                    return Optional.of(new ChannelState(channelId, ChannelState.Kind.valueOf(rows.getString(1)),
                            rows.getString(2), rows.getString(3), rows.getString(4),
                            retry == null ? null : retry.toInstant(), rows.getTimestamp(6).toInstant(),
                            rows.getTimestamp(7).toInstant()));
                }
            }
        });
    }

    /** Records the outcome; {@code since} stays what it was while the outcome's kind does not change. */
    ChannelState putState(String channelId, ChannelState.Kind kind, @Nullable String code, @Nullable String args,
                          @Nullable String reason, @Nullable Instant retryAt, Instant readAt) {
        Optional<ChannelState> before = state(channelId);
        Instant since = before.filter(s -> s.kind() == kind).map(ChannelState::since).orElse(readAt);
        ChannelState next = new ChannelState(channelId, kind, code, args, reason, retryAt, since, readAt);
        sql.inTransaction(connection -> {
            Sql.update(connection, "delete from engagement_state where channel_id = ?", s -> s.setString(1, channelId));
            Sql.update(connection, "insert into engagement_state (channel_id, state, code, args, reason, retry_at, since, read_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?)", s -> {
                s.setString(1, channelId);
                s.setString(2, kind.name());
                s.setString(3, code);
                s.setString(4, args);
                s.setString(5, reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) : reason);
                if (retryAt == null) {
                    s.setNull(6, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    s.setTimestamp(6, Timestamp.from(retryAt));
                }
                s.setTimestamp(7, Timestamp.from(since));
                s.setTimestamp(8, Timestamp.from(readAt));
            });
            return null;
        });
        return next;
    }

    // --- runs

    /** The channels that already have a run for one of these days. */
    Set<String> runsOn(Collection<LocalDate> days) {
        return sql.inTransaction(connection -> {
            Set<String> keys = new HashSet<>();
            for (LocalDate day : days) {
                try (PreparedStatement select = connection.prepareStatement("select channel_id from engagement_run where on_day = ?")) {
                    select.setObject(1, day);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            keys.add(rows.getString(1) + "|" + day);
                        }
                    }
                }
            }
            return keys;
        });
    }

    /** Opens the runs of the night; one that exists already (another instance, a restart) is left as it is. */
    int open(List<Run> runs, Instant now) {
        int opened = 0;
        for (Run run : runs) {
            try {
                opened += sql.inTransaction(connection -> Sql.update(connection, "insert into engagement_run (channel_id, on_day, "
                        + "state, cursor_id, calls, next_call_at, window_end, updated_at) values (?, ?, ?, ?, 0, ?, ?, ?)", s -> {
                    s.setString(1, run.channelId());
                    s.setObject(2, run.day());
                    s.setString(3, run.state().name());
                    s.setLong(4, run.cursorId());
                    s.setTimestamp(5, Timestamp.from(run.nextCallAt()));
                    s.setTimestamp(6, Timestamp.from(run.windowEnd()));
                    s.setTimestamp(7, Timestamp.from(now));
                }));
            } catch (IllegalStateException duplicate) {
                if (get(run.channelId(), run.day()).isEmpty()) {
                    throw duplicate;
                }
            }
        }
        return opened;
    }

    Optional<Run> get(String channelId, LocalDate day) {
        return sql.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select state, cursor_id, calls, next_call_at, window_end "
                    + "from engagement_run where channel_id = ? and on_day = ?")) {
                select.setString(1, channelId);
                select.setObject(2, day);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new Run(channelId, day, RunState.valueOf(rows.getString(1)),
                            rows.getLong(2), rows.getInt(3), rows.getTimestamp(4).toInstant(),
                            rows.getTimestamp(5).toInstant())) : Optional.<Run>empty();
                }
            }
        });
    }

    /** Running runs whose next call is due and that nobody holds, earliest first. */
    List<Run> due(Instant now, int limit) {
        return sql.inTransaction(connection -> {
            List<Run> runs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select channel_id, on_day, state, cursor_id, calls, "
                    + "next_call_at, window_end from engagement_run where state = 'RUNNING' and next_call_at <= ? "
                    + "and (claimed_until is null or claimed_until < ?) order by next_call_at, channel_id")) {
                select.setTimestamp(1, Timestamp.from(now));
                select.setTimestamp(2, Timestamp.from(now));
                select.setMaxRows(limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        runs.add(new Run(rows.getString(1), rows.getObject(2, LocalDate.class),
                                RunState.valueOf(rows.getString(3)), rows.getLong(4), rows.getInt(5),
                                rows.getTimestamp(6).toInstant(), rows.getTimestamp(7).toInstant()));
                    }
                }
            }
            return runs;
        });
    }

    /** Takes the run for one call if it is still as read and free: false when another instance took it first. */
    boolean claim(Run run, String instance, Instant now, Instant until) {
        return sql.inTransaction(connection -> Sql.update(connection, "update engagement_run set claimed_by = ?, "
                + "claimed_until = ?, updated_at = ? where channel_id = ? and on_day = ? and state = 'RUNNING' and calls = ? "
                + "and (claimed_until is null or claimed_until < ?)", s -> {
            s.setString(1, instance);
            s.setTimestamp(2, Timestamp.from(until));
            s.setTimestamp(3, Timestamp.from(now));
            s.setString(4, run.channelId());
            s.setObject(5, run.day());
            s.setInt(6, run.calls());
            s.setTimestamp(7, Timestamp.from(now));
        })) == 1;
    }

    /** Records a call's progress and frees the run: its new state, cursor and the earliest next call. */
    void advance(Run run, RunState state, long cursorId, int calls, Instant nextCallAt, Instant now) {
        sql.inTransaction(connection -> Sql.update(connection, "update engagement_run set state = ?, cursor_id = ?, calls = ?, "
                + "next_call_at = ?, claimed_by = null, claimed_until = null, updated_at = ? where channel_id = ? and on_day = ?", s -> {
            s.setString(1, state.name());
            s.setLong(2, cursorId);
            s.setInt(3, calls);
            s.setTimestamp(4, Timestamp.from(nextCallAt));
            s.setTimestamp(5, Timestamp.from(now));
            s.setString(6, run.channelId());
            s.setObject(7, run.day());
        }));
    }

    /** Closes the runs still running past their window: the night is over for them. */
    int closeMissed(Instant now) {
        return sql.inTransaction(connection -> Sql.update(connection, "update engagement_run set state = 'MISSED', "
                + "claimed_by = null, claimed_until = null, updated_at = ? where state = 'RUNNING' and window_end <= ?", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setTimestamp(2, Timestamp.from(now));
        }));
    }
}
