package vn.herald.publishing;

import org.junit.jupiter.api.Test;
import vn.herald.channel.ChannelType;
import vn.herald.content.PieceKind;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The placing rule on its own: no database, no service, only slots and pieces. */
class PlacementTest {

    record Piece(long id, PieceKind kind, String topic) {}

    private static final Placement<Piece> CAMPAIGN = new Placement<>(Piece::id, Piece::kind, false);
    private static final Placement<Piece> GAP_FILLER = new Placement<>(Piece::id, Piece::kind, true);

    private static final Instant MAY_8 = Instant.parse("2027-05-08T01:00:00Z");

    private final Piece article1 = new Piece(1, PieceKind.ARTICLE, "khoa học");
    private final Piece article2 = new Piece(2, PieceKind.ARTICLE, "chuyển đổi số");
    private final Piece script3 = new Piece(3, PieceKind.RADIO_SCRIPT, "khoa học");

    private static Placement.Slot slot(String channel, ChannelType type, int day) {
        return new Placement.Slot(channel, type, MAY_8.plusSeconds(86_400L * day));
    }

    private static List<Long> pieceIds(List<Placement.Placed<Piece>> placed) {
        return placed.stream().map(p -> p.piece() == null ? null : p.piece().id()).toList();
    }

    @Test
    void eachSlotTakesTheFirstPieceItsChannelCarriesAndAPieceGoesOnceOnAChannel() {
        List<Placement.Slot> slots = List.of(slot("facebook", ChannelType.FACEBOOK_PAGE, 0),
                slot("loa", ChannelType.LOUDSPEAKER, 0), slot("facebook", ChannelType.FACEBOOK_PAGE, 1),
                slot("zalo", ChannelType.ZALO_OA, 1), slot("facebook", ChannelType.FACEBOOK_PAGE, 2),
                slot("loa", ChannelType.LOUDSPEAKER, 2));

        List<Placement.Placed<Piece>> placed = CAMPAIGN.place(slots, List.of(article1, article2, script3),
                (slot, piece) -> true, Placement.listOrder());

        // Facebook takes the two articles in turn and then has nothing left; the loudspeaker only the script, once;
        // Zalo may carry an article Facebook already has
        assertEquals(Arrays.asList(1L, 3L, 2L, 1L, null, null), pieceIds(placed));
        assertEquals(slots, placed.stream().map(Placement.Placed::slot).toList(), "one answer per slot, in order");
    }

    @Test
    void aLoudspeakerTakesAnArticleReadAloudOnlyWhereThePlannerAllowsIt() {
        List<Placement.Slot> slots = List.of(slot("loa", ChannelType.LOUDSPEAKER, 0), slot("loa", ChannelType.LOUDSPEAKER, 1));

        assertEquals(Arrays.asList(null, null),
                pieceIds(CAMPAIGN.place(slots, List.of(article1), (slot, piece) -> true, Placement.listOrder())));
        assertEquals(Arrays.asList(3L, 1L),
                pieceIds(GAP_FILLER.place(slots, List.of(article1, script3), (slot, piece) -> true,
                        (slot, before) -> Comparator.comparing((Piece p) -> p.kind() != PieceKind.RADIO_SCRIPT))));
    }

    @Test
    void aPieceThePlannerRulesOutOfASlotGoesToTheNextOne() {
        Placement.Slot first = slot("facebook", ChannelType.FACEBOOK_PAGE, 0);
        Placement.Slot second = slot("facebook", ChannelType.FACEBOOK_PAGE, 1);
        // article 1 is already on the channel in the first slot's week
        Set<Placement.Slot> alreadyHasArticle1 = Set.of(first);

        List<Placement.Placed<Piece>> placed = CAMPAIGN.place(List.of(first, second), List.of(article1, article2),
                (slot, piece) -> !(alreadyHasArticle1.contains(slot) && piece.id() == 1), Placement.listOrder());

        assertEquals(List.of(2L, 1L), pieceIds(placed));
    }

    @Test
    void thePreferenceSeesWhatWasPlacedBeforeSoATopicIsNotRepeatedRightAway() {
        Piece article4 = new Piece(4, PieceKind.ARTICLE, "khoa học");
        List<Placement.Slot> slots = List.of(slot("portal", ChannelType.EPORTAL, 0), slot("portal", ChannelType.EPORTAL, 1),
                slot("portal", ChannelType.EPORTAL, 2));
        // fewest placed pieces on the same topic first, then the lowest id
        Placement.Preference<Piece> rotation = (slot, before) -> Comparator.comparingLong((Piece p) -> before.stream()
                .filter(b -> b.piece() != null && Objects.equals(b.piece().topic(), p.topic())).count())
                .thenComparingLong(Piece::id);

        List<Placement.Placed<Piece>> placed = GAP_FILLER.place(slots, List.of(article1, article4, article2),
                (slot, piece) -> true, rotation);

        assertEquals(List.of(1L, 2L, 4L), pieceIds(placed));
    }
}
