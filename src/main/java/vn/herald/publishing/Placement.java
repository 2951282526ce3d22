package vn.herald.publishing;

import io.micronaut.core.annotation.Nullable;
import vn.herald.channel.ChannelType;
import vn.herald.content.PieceKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Which piece goes on which channel at which time: the one rule by which campaigns and the gap filler place pieces.
 * The slots are taken in the order given; each takes, of the pieces its channel carries and the planner allows there,
 * the one it prefers most (the first of the list on a tie), and a piece placed on a channel is not placed on that
 * channel again in the same plan. What only a database knows (earlier publications, a channel's requirements) comes
 * in through {@code allowed}, read beforehand in bulk, so the rule runs without one and is tested without one.
 *
 * @param id         a piece's id
 * @param kind       a piece's kind
 * @param readAloud  whether a loudspeaker slot may take an article, read aloud (the gap filler: better than silence)
 */
public record Placement<P>(ToLongFunction<P> id, Function<P, PieceKind> kind, boolean readAloud) {

    /** A moment on a channel that takes one piece. */
    public record Slot(String channelId, ChannelType type, Instant at) {}

    /** A slot and the piece placed in it, or null when none could be. */
    public record Placed<P>(Slot slot, @Nullable P piece) {}

    /** How a slot ranks the pieces it may take; it sees what was placed before it in the same plan. */
    @FunctionalInterface
    public interface Preference<P> {
        Comparator<P> at(Slot slot, List<Placed<P>> placedBefore);
    }

    /** Pieces in the order the planner listed them: the first that may go wins. */
    public static <P> Preference<P> listOrder() {
        return (slot, placedBefore) -> (a, b) -> 0;
    }

    /** Whether the channel type carries the kind: {@link ChannelType#carries}, plus an article read aloud if allowed. */
    public boolean fits(PieceKind pieceKind, ChannelType type) {
        return type.carries(pieceKind) || (readAloud && type == ChannelType.LOUDSPEAKER && pieceKind == PieceKind.ARTICLE);
    }

    /** One answer per slot, in the slots' order. */
    public List<Placed<P>> place(List<Slot> slots, List<P> pieces, BiPredicate<Slot, P> allowed, Preference<P> preference) {
        List<Placed<P>> placed = new ArrayList<>(slots.size());
        Map<String, Set<Long>> onChannel = new HashMap<>();
        for (Slot slot : slots) {
            Set<Long> used = onChannel.computeIfAbsent(slot.channelId(), channel -> new HashSet<>());
            Comparator<P> rank = preference.at(slot, placed);
            P best = null;
            for (P piece : pieces) {
                if (!fits(kind.apply(piece), slot.type()) || used.contains(id.applyAsLong(piece))
                        || !allowed.test(slot, piece)) {
                    continue;
                }
                if (best == null || rank.compare(piece, best) < 0) {
                    best = piece;
                }
            }
            if (best != null) {
                used.add(id.applyAsLong(best));
            }
            placed.add(new Placed<>(slot, best));
        }
        return placed;
    }
}
