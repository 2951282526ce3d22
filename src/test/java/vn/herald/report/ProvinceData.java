package vn.herald.report;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * A province of communes with weeks of publishing each, written in batches: four channels per commune, a dozen
 * publications a week (portal three, Facebook five, Zalo two, loudspeaker two), a few failures and paused channels.
 */
public final class ProvinceData {

    public static final String PROVINCE = "tinh-mau";
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<String> TOPICS = List.of("Chuyển đổi số", "Dịch vụ công", "Nông nghiệp số", "Y tế", "An ninh trật tự");
    private static final int[][] WEEKLY = {{0, 3}, {1, 5}, {2, 2}, {3, 2}}; // channel index, publications per week
    private static final String[] TYPES = {"EPORTAL", "FACEBOOK_PAGE", "ZALO_OA", "LOUDSPEAKER"};

    private ProvinceData() {}

    /** Writes the province and its communes; answers how many publications were written. */
    public static int generate(TransactionOperations<Connection> transactions, int communes, LocalDate firstMonday, int weeks) {
        Random random = new Random(42);
        OffsetDateTime created = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            int written = 0;
            try (PreparedStatement unit = connection.prepareStatement(
                    "insert into unit (code, name, zone, parent_code, created_at, updated_at) values (?, ?, 'Asia/Ho_Chi_Minh', ?, ?, ?)");
                 PreparedStatement channel = connection.prepareStatement("insert into channel (id, unit_code, type, mode, name, settings, "
                         + "source_hash, paused_reason, created_at, updated_at) values (?, ?, ?, 'LIVE', ?, '{}', 'x', ?, ?, ?)");
                 PreparedStatement piece = connection.prepareStatement("insert into piece (unit_code, kind, slug, title, topics, audiences, "
                         + "campaigns, variants, read_seconds, status, revision, created_at, updated_at) "
                         + "values (?, ?, ?, ?, ?, '[\"Người dân\"]', '[]', '{}', ?, 'APPROVED', 1, ?, ?)", new String[] {"id"});
                 PreparedStatement publication = connection.prepareStatement("insert into publication (piece_id, piece_revision, "
                         + "channel_id, unit_code, planned_at, deadline, status, payload, payload_summary, external_url, attempts, "
                         + "last_error, created_by, created_at, updated_at) values (?, 1, ?, ?, ?, ?, ?, '{}', 'tóm tắt', ?, ?, ?, 'bien-tap', ?, ?)")) {
                unit.setString(1, PROVINCE);
                unit.setString(2, "Tỉnh Mẫu");
                unit.setString(3, null);
                unit.setObject(4, created);
                unit.setObject(5, created);
                unit.executeUpdate();
                for (int c = 1; c <= communes; c++) {
                    String code = "xa-mau-" + c;
                    unit.setString(1, code);
                    unit.setString(2, "Xã Mẫu " + c);
                    unit.setString(3, PROVINCE);
                    unit.executeUpdate();
                    for (int t = 0; t < TYPES.length; t++) {
                        channel.setString(1, code + "-" + t);
                        channel.setString(2, code);
                        channel.setString(3, TYPES[t]);
                        channel.setString(4, "Kênh " + t + " của " + code);
                        channel.setString(5, random.nextInt(20) == 0 ? "Mã truy cập hết hạn" : null);
                        channel.setObject(6, created);
                        channel.setObject(7, created);
                        channel.addBatch();
                    }
                    channel.executeBatch();
                    long[] pieces = new long[10];
                    for (int p = 0; p < pieces.length; p++) {
                        piece.setString(1, code);
                        piece.setString(2, p % 3 == 0 ? "RADIO_SCRIPT" : "ARTICLE");
                        piece.setString(3, "bai-" + p);
                        piece.setString(4, "Bài mẫu " + p + " của " + code);
                        piece.setString(5, "[\"" + TOPICS.get(p % TOPICS.size()) + "\"]");
                        piece.setObject(6, p % 3 == 0 ? 240 : null);
                        piece.setObject(7, created);
                        piece.setObject(8, created);
                        piece.executeUpdate();
                        try (var keys = piece.getGeneratedKeys()) {
                            keys.next();
                            pieces[p] = keys.getLong(1);
                        }
                    }
                    for (int w = 0; w < weeks; w++) {
                        LocalDate monday = firstMonday.plusWeeks(w).with(DayOfWeek.MONDAY);
                        for (int[] weekly : WEEKLY) {
                            // now and then a commune misses a week on a channel
                            if (random.nextInt(15) == 0) {
                                continue;
                            }
                            for (int n = 0; n < weekly[1]; n++) {
                                Instant planned = monday.plusDays(n).atTime(8 + n, 0).atZone(HANOI).toInstant();
                                int roll = random.nextInt(100);
                                String state = roll < 92 ? "PUBLISHED" : roll < 96 ? "EXPIRED" : roll < 98 ? "CANCELLED" : "NEEDS_ATTENTION";
                                int attempts = state.equals("PUBLISHED") ? (roll < 88 ? 1 : 2) : 3;
                                long pieceId = pieces[random.nextInt(pieces.length)];
                                publication.setLong(1, pieceId);
                                publication.setString(2, code + "-" + weekly[0]);
                                publication.setString(3, code);
                                publication.setObject(4, planned.atOffset(ZoneOffset.UTC));
                                publication.setObject(5, planned.plusSeconds(86400).atOffset(ZoneOffset.UTC));
                                publication.setString(6, state);
                                publication.setString(7, state.equals("PUBLISHED") ? "https://mau.gov.vn/p/" + pieceId + "-" + w + "-" + n : null);
                                publication.setInt(8, attempts);
                                publication.setString(9, attempts > 1 ? "HTTP 500" : null);
                                publication.setObject(10, planned.atOffset(ZoneOffset.UTC));
                                publication.setObject(11, planned.atOffset(ZoneOffset.UTC));
                                publication.addBatch();
                                written++;
                            }
                        }
                    }
                    publication.executeBatch();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot write the sample province", e);
            }
            return written;
        });
    }
}
