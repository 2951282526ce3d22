package vn.herald.report;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.herald.channel.ChannelType;
import vn.herald.content.PieceKind;
import vn.herald.publishing.PublicationStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what reports count straight from the publication, piece and channel tables in one query per question: a
 * province overview adds up a hundred communes' year, which one call per publication through the features' services
 * could not do in the two seconds a user waits.
 */
@Singleton
class ReportFacts {

    /** Per unit: publications sent, and the problems still open. */
    record UnitCounts(int published, int needsAttention, int pausedChannels) {
        static final UnitCounts NONE = new UnitCounts(0, 0, 0);
    }

    private static final String FAILED_OUTCOMES = "('UNKNOWN', 'RETRY_LATER', 'NEEDS_ATTENTION', 'PERMANENT')";

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    ReportFacts(TransactionOperations<Connection> transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    /** Every publication of the unit planned in [from, to), oldest first. */
    List<PublicationFact> publications(String unitCode, Instant from, Instant to) {
        String sql = """
                select p.id, p.piece_id, pc.title, pc.kind, pc.topics, pc.audiences, p.channel_id, c.name, c.type,
                       p.planned_at, p.status, p.dry_run_request is not null, p.external_url, pc.read_seconds,
                       case when c.type = 'LOUDSPEAKER' then p.payload end,
                       exists (select 1 from publication_attempt a where a.publication_id = p.id
                               and a.outcome in %s), p.last_error
                from publication p
                join piece pc on pc.id = p.piece_id
                join channel c on c.id = p.channel_id
                where p.unit_code = ? and p.planned_at >= ? and p.planned_at < ?
                order by p.planned_at, p.id""".formatted(FAILED_OUTCOMES);
        return read(sql, statement -> {
            statement.setString(1, unitCode);
            statement.setObject(2, from.atOffset(ZoneOffset.UTC));
            statement.setObject(3, to.atOffset(ZoneOffset.UTC));
        }, rows -> {
            List<PublicationFact> facts = new ArrayList<>();
            while (rows.next()) {
                int seconds = rows.getInt(14);
                Integer pieceSeconds = rows.wasNull() ? null : seconds;
                Integer readSeconds = airSeconds(rows.getString(15)).orElse(pieceSeconds);
                facts.add(new PublicationFact(rows.getLong(1), rows.getLong(2), rows.getString(3),
                        PieceKind.valueOf(rows.getString(4)), list(rows.getString(5)), list(rows.getString(6)),
                        rows.getString(7), rows.getString(8), ChannelType.valueOf(rows.getString(9)),
                        rows.getObject(10, OffsetDateTime.class).toInstant(), PublicationStatus.valueOf(rows.getString(11)),
                        rows.getBoolean(12), rows.getString(13), readSeconds,
                        rows.getBoolean(16), rows.getString(17)));
            }
            return facts;
        });
    }

    /** For each of the units: publications sent for real in [from, to), and what needs a person now. */
    Map<String, UnitCounts> unitCounts(List<String> unitCodes, Instant from, Instant to) {
        Map<String, UnitCounts> counts = new HashMap<>();
        if (unitCodes.isEmpty()) {
            return counts;
        }
        String in = String.join(", ", Collections.nCopies(unitCodes.size(), "?"));
        // one pass over the units' publications and one over their channels, grouped: never a scan per unit
        String sql = """
                select p.unit_code,
                       sum(case when p.status = 'PUBLISHED' and p.dry_run_request is null
                                 and p.planned_at >= ? and p.planned_at < ? then 1 else 0 end),
                       sum(case when p.status = 'NEEDS_ATTENTION' then 1 else 0 end),
                       0
                from publication p where p.unit_code in (%1$s) group by p.unit_code
                union all
                select c.unit_code, 0, 0, count(*) from channel c
                where c.unit_code in (%1$s) and c.paused_reason is not null group by c.unit_code""".formatted(in);
        return read(sql, statement -> {
            statement.setObject(1, from.atOffset(ZoneOffset.UTC));
            statement.setObject(2, to.atOffset(ZoneOffset.UTC));
            for (int i = 0; i < unitCodes.size(); i++) {
                statement.setString(i + 3, unitCodes.get(i));
                statement.setString(i + 3 + unitCodes.size(), unitCodes.get(i));
            }
        }, rows -> {
            while (rows.next()) {
                UnitCounts more = new UnitCounts(rows.getInt(2), rows.getInt(3), rows.getInt(4));
                counts.merge(rows.getString(1), more, (a, b) -> new UnitCounts(a.published() + b.published(),
                        a.needsAttention() + b.needsAttention(), a.pausedChannels() + b.pausedChannels()));
            }
            return counts;
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T read(String sql, Binder binder, Reader<T> reader) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    return reader.read(rows);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("report query failed: " + e.getMessage(), e);
            }
        });
    }

    /**
     * The read time a loudspeaker publication froze when it was scheduled ({@code ScriptPayload.readSeconds}): the
     * time the station plays or reads it live, and the one its publication page shows. The piece's own read time
     * exists only for radio scripts, so an article read on the loudspeakers would count as of unknown length.
     */
    private Optional<Integer> airSeconds(String payload) {
        if (payload == null || payload.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode seconds = json.readValue(payload, JsonNode.class).get("readSeconds");
            return seconds != null && seconds.isNumber() && seconds.getIntValue() > 0
                    ? Optional.of(seconds.getIntValue()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable loudspeaker payload", e);
        }
    }

    private List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(json.readValue(text, Argument.listOf(String.class)));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable list column: " + text, e);
        }
    }
}
