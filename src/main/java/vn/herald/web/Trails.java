package vn.herald.web;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.herald.account.Accounts;
import vn.herald.content.PieceEvent;
import vn.herald.publishing.Attempt;
import vn.herald.publishing.PublicationEvent;
import vn.herald.support.Refusal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The audit trails and attempts as sentences: each event's code and values become the bundle's sentence
 * ({@code trail.piece.<code>}, {@code trail.pub.<code>}, with {@code .reason} when there are words to add), times in
 * the unit's zone, people by their names and Herald's own work as "Hệ thống Herald" ({@code actor.<name>}).
 */
@Singleton
class Trails {

    /** One line of a trail as the page shows it. */
    record Line(String at, String actor, String text, String status) {}

    /** One attempt as the page shows it: the outcome in words, the detail explained. */
    record AttemptLine(int number, String startedAt, String finishedAt, String outcome, @Nullable String detail) {}

    private static final Locale VI = Locale.forLanguageTag("vi");

    /** Codes whose reason is what a person typed: shown as typed, never taken for a failure. */
    private static final Set<String> PERSON_WORDS = Set.of(PieceEvent.REJECTED, PieceEvent.ARCHIVED, "cancelled", "withdrawn");

    private final MessageSource messages;
    private final FailureText failures;
    private final Accounts accounts;
    private final Times times;

    Trails(MessageSource messages, FailureText failures, Accounts accounts, Times times) {
        this.messages = messages;
        this.failures = failures;
        this.accounts = accounts;
        this.times = times;
    }

    List<Line> ofPiece(List<PieceEvent> events) {
        ZoneId zone = times.zone();
        Map<String, String> names = new HashMap<>();
        return events.stream().map(e -> new Line(Times.show(e.createdAt(), zone), actor(e.actor(), names),
                sentence("trail.piece.", e.code(), e.data(), e.reason(), Map.of(), zone)
                        .orElseGet(() -> moved("status.", e.fromStatus(), e.toStatus(), e.reason(), zone)),
                say("status." + e.toStatus().name()))).toList();
    }

    /** {@code channelName} names the channel in "Lên lịch đăng lúc ... trên ...". */
    List<Line> ofPublication(List<PublicationEvent> events, String channelName) {
        ZoneId zone = times.zone();
        Map<String, String> names = new HashMap<>();
        return events.stream().map(e -> new Line(Times.show(e.createdAt(), zone), actor(e.actor(), names),
                sentence("trail.pub.", e.code(), e.data(), e.reason(), Map.of("channel", channelName), zone)
                        .orElseGet(() -> moved("pstatus.", e.fromStatus(), e.toStatus(), e.reason(), zone)),
                // a dry run ends PUBLISHED with nothing sent: its line says so, as the page's status does
                say("pstatus." + ("dry-run".equals(e.code()) ? "PUBLISHED_DRY_RUN" : e.toStatus().name())))).toList();
    }

    List<AttemptLine> ofAttempts(List<Attempt> attempts) {
        ZoneId zone = times.zone();
        return attempts.stream().map(a -> new AttemptLine(a.number(), Times.show(a.startedAt(), zone),
                a.finishedAt() == null ? "" : Times.show(a.finishedAt(), zone),
                say("attempt." + (a.outcome() == null ? "PENDING" : a.outcome())), attemptDetail(a, zone))).toList();
    }

    /** A failure or warning stored on a publication, as a person reads it. */
    @Nullable
    String failure(@Nullable String raw) {
        return failures.shown(raw, times.zone());
    }

    /** Herald's own work by the bundle's name for it; a person by their display name; else the name as stored. */
    String actor(String name, Map<String, String> known) {
        return known.computeIfAbsent(name, n -> messages.getMessage("actor." + n, VI).orElseGet(() -> {
            try {
                return accounts.get(n).displayName();
            } catch (Refusal gone) {
                return n;
            }
        }));
    }

    @Nullable
    private String attemptDetail(Attempt attempt, ZoneId zone) {
        if (attempt.detail() == null || attempt.detail().isBlank()) {
            return null;
        }
        return "SENT".equals(attempt.outcome()) ? say("attempt.SENT.detail", attempt.detail())
                : failures.shown(attempt.detail(), zone);
    }

    /** The bundle's sentence for a code, its values filled in; empty for a row written before codes, or a new code. */
    private Optional<String> sentence(String prefix, @Nullable String code, Map<String, String> data,
                                      @Nullable String reason, Map<String, String> context, ZoneId zone) {
        if (code == null) {
            return Optional.empty();
        }
        Map<String, Object> values = new HashMap<>(context);
        data.forEach((name, value) -> values.put(name, value(name, value, zone)));
        String words = reason == null || reason.isBlank() ? null
                : PERSON_WORDS.contains(code) ? reason.strip() : failures.shown(reason, zone);
        if (words != null) {
            values.put("reason", words);
            Optional<String> withReason = messages.getMessage(prefix + code + ".reason", VI, values);
            if (withReason.isPresent()) {
                return withReason;
            }
        }
        return messages.getMessage(prefix + code, VI, values);
    }

    /** An instant in the unit's zone; an asset's role by its name in the bundle; anything else as stored. */
    private String value(String name, String value, ZoneId zone) {
        if ("role".equals(name)) {
            return say("trail.role." + value);
        }
        if (value.length() >= 20 && value.endsWith("Z") && value.charAt(10) == 'T') {
            try {
                return Times.show(Instant.parse(value), zone);
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }

    /** A row written before codes: the move between statuses, and its reason only where it is clean Vietnamese. */
    private String moved(String statusPrefix, @Nullable Enum<?> from, Enum<?> to, @Nullable String reason, ZoneId zone) {
        String move = from == null || from == to ? say("trail.became", say(statusPrefix + to.name()))
                : say("trail.moved", say(statusPrefix + from.name()), say(statusPrefix + to.name()));
        String words = failures.clean(reason, zone);
        return words == null ? move : move + ": " + words;
    }

    private String say(String key, Object... values) {
        return messages.getMessage(key, VI, values).orElse(key);
    }
}
