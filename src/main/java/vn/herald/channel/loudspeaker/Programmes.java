package vn.herald.channel.loudspeaker;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.herald.channel.Channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a session's playlist: every item gets its sound, the items are ordered by priority then planned time, and
 * they are fitted into the session's length. Items an earlier programme already carried to the stations keep their
 * place; the others are taken in playing order until the next one does not fit, and the rest overflow.
 */
@Singleton
public class Programmes {

    /** The playing order: emergency, priority, normal; then by planned time. */
    static final Comparator<SessionBook.Entry> ORDER = Comparator.comparing(SessionBook.Entry::priority)
            .thenComparing(SessionBook.Entry::plannedAt)
            .thenComparingLong(SessionBook.Entry::publicationId);

    private final AudioMaker audio;
    private final JsonMapper json;

    Programmes(AudioMaker audio, JsonMapper json) {
        this.audio = audio;
        this.json = json;
    }

    public Programme session(Channel channel, LoudspeakerSettings settings, Session session, List<SessionBook.Entry> entries) {
        List<SessionBook.Entry> ordered = entries.stream().sorted(ORDER).toList();
        List<Programme.Item> items = ordered.stream().map(entry -> item(entry, settings)).toList();
        Duration left = session.length();
        List<Programme.Item> kept = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).delivered()) {
                kept.add(items.get(i));
                left = left.minus(items.get(i).sound().duration());
            }
        }
        List<Programme.Item> overflow = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).delivered()) {
                continue;
            }
            Programme.Item item = items.get(i);
            // once one item does not fit, nothing after it jumps ahead, so priority and planned order hold
            if (overflow.isEmpty() && item.sound().duration().compareTo(left) <= 0) {
                kept.add(item);
                left = left.minus(item.sound().duration());
            } else {
                overflow.add(item);
            }
        }
        List<Programme.Item> playing = kept.stream().sorted(Comparator.comparing(Programme.Item::priority)
                .thenComparing(Programme.Item::plannedAt).thenComparingLong(Programme.Item::publicationId)).toList();
        return new Programme(channel.id(), channel.name(), session.id(), session.start(), session.end(), session.length(),
                playing, List.copyOf(overflow));
    }

    /** An emergency broadcast: one item, at once, whatever its length. */
    public Programme emergency(Channel channel, LoudspeakerSettings settings, SessionBook.Entry entry, Instant now) {
        return new Programme(channel.id(), channel.name(), "emergency-" + entry.publicationId(), now, null, null,
                List.of(item(entry, settings)), List.of());
    }

    private Programme.Item item(SessionBook.Entry entry, LoudspeakerSettings settings) {
        ScriptPayload script = script(entry);
        return new Programme.Item(entry.publicationId(), script.pieceId(), script.title(), entry.priority(),
                entry.plannedAt(), script.text(), audio.soundOf(script, settings.speech()));
    }

    ScriptPayload script(SessionBook.Entry entry) {
        try {
            return json.readValue(entry.payload().body(), ScriptPayload.class);
        } catch (IOException e) {
            throw new UncheckedIOException("publication " + entry.publicationId() + " has no loudspeaker payload", e);
        }
    }
}
