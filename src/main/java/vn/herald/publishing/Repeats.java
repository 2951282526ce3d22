package vn.herald.publishing;

import jakarta.inject.Singleton;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.Payload;
import vn.herald.unit.Units;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A piece goes on a channel once unless the request says it is a repeat. A publication counts while it is on its way
 * or out (scheduled, sending, waiting for a retry, unknown, needing a person, published); a cancelled or expired one
 * does not. The loudspeakers repeat items on purpose; Facebook refuses a post whose text it already has (error 506),
 * so on a platform like it ({@link ChannelAdapter#refusesIdenticalText()}) a repeat must read differently from every
 * earlier one, or it is refused here, before anything is sent.
 */
@Singleton
class Repeats {

    static final Set<PublicationStatus> COUNTED = EnumSet.of(PublicationStatus.SCHEDULED, PublicationStatus.SENDING,
            PublicationStatus.RETRY_WAIT, PublicationStatus.UNKNOWN, PublicationStatus.NEEDS_ATTENTION,
            PublicationStatus.PUBLISHED);

    private final PublicationRepository publications;
    private final Units units;

    Repeats(PublicationRepository publications, Units units) {
        this.publications = publications;
        this.units = units;
    }

    /** Refuses the new publication of the piece on the channel unless it is a repeat that the platform takes. */
    void check(long pieceId, Channel channel, ChannelAdapter adapter, Payload payload, boolean repeat) {
        check(publications.findByPieceIdAndStatusInList(pieceId, COUNTED), channel, units.zoneOf(channel.unitCode()),
                adapter, payload, repeat);
    }

    /** The same, from the piece's publications that count ({@link #COUNTED}), read by the caller. */
    void check(List<Publication> countedOfPiece, Channel channel, ZoneId zone, ChannelAdapter adapter, Payload payload,
               boolean repeat) {
        List<Publication> earlier = countedOfPiece.stream()
                .filter(p -> p.channelId().equals(channel.id()))
                .sorted(Comparator.comparing(Publication::plannedAt).thenComparing(Publication::id)).toList();
        if (earlier.isEmpty()) {
            return;
        }
        if (!repeat) {
            Publication first = earlier.get(0);
            throw new Refusal(Refusal.Kind.CONFLICT, RefusalCode.ALREADY_SCHEDULED, List.of(), existing(first, zone),
                    channel.name(), first.id(), new Refusal.Word("pstatus." + first.status()),
                    Refusal.time(first.plannedAt(), zone));
        }
        if (adapter.refusesIdenticalText()) {
            String text = textOf(adapter, payload, channel);
            Optional<Publication> same = earlier.stream()
                    .filter(p -> Objects.equals(text, textOf(adapter, new Payload(p.payload(), p.payloadSummary()), channel)))
                    .findFirst();
            if (same.isPresent()) {
                throw new Refusal(Refusal.Kind.CONFLICT, RefusalCode.REPEAT_SAME_TEXT, List.of(), existing(same.get(), zone),
                        same.get().id(), Refusal.time(same.get().plannedAt(), zone));
            }
        }
    }

    /** What readers would read, as the adapter draws it; the frozen payload where the adapter draws no text. */
    private static String textOf(ChannelAdapter adapter, Payload payload, Channel channel) {
        String text = adapter.look(payload, channel).text();
        return text == null ? payload.body() : text.strip();
    }

    private static Map<String, Object> existing(Publication publication, ZoneId zone) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("publicationId", publication.id());
        facts.put("status", publication.status().name());
        facts.put("channelId", publication.channelId());
        facts.put("plannedAt", publication.plannedAt().atZone(zone).toOffsetDateTime().toString());
        return facts;
    }
}
