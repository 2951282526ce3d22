package vn.herald.campaign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.channel.ChannelType;
import vn.herald.publishing.PublicationStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A campaign instance as the API shows it: its rules, its window in the unit's zone, and per channel its planned
 * slots, split by status, with counts. {@code planned} counts every slot; the others count by status.
 */
@Serdeable
public record CampaignView(long id, String code, String name, String unitCode, int year, CampaignOrigin origin,
                           String tag, List<String> topics, Map<ChannelType, Cadence> cadence,
                           @Nullable String description, LocalDate windowStart, LocalDate windowEnd,
                           OffsetDateTime opensAt, OffsetDateTime closesAt, boolean open, Instant launchedAt,
                           String launchedBy, Counts counts, List<ChannelSlots> channels) {

    @Serdeable
    public record Counts(int planned, int scheduled, int published, int empty, int missed) {

        static Counts of(List<Slot> slots) {
            return new Counts(slots.size(), count(slots, SlotStatus.SCHEDULED), count(slots, SlotStatus.PUBLISHED),
                    count(slots, SlotStatus.EMPTY), count(slots, SlotStatus.MISSED));
        }

        private static int count(List<Slot> slots, SlotStatus status) {
            return (int) slots.stream().filter(slot -> slot.status() == status).count();
        }
    }

    /** One channel's part of the campaign; {@code empty} lists the slots still waiting for content. */
    @Serdeable
    public record ChannelSlots(String channelId, String channelName, ChannelType type, Cadence cadence, Counts counts,
                               List<Slot> scheduled, List<Slot> published, List<Slot> empty, List<Slot> missed) {

        static ChannelSlots of(String channelId, String channelName, ChannelType type, Cadence cadence, List<Slot> slots) {
            return new ChannelSlots(channelId, channelName, type, cadence, Counts.of(slots),
                    with(slots, SlotStatus.SCHEDULED), with(slots, SlotStatus.PUBLISHED), with(slots, SlotStatus.EMPTY),
                    with(slots, SlotStatus.MISSED));
        }

        private static List<Slot> with(List<Slot> slots, SlotStatus status) {
            return slots.stream().filter(slot -> slot.status() == status).toList();
        }
    }

    /** A slot; a filled one names its publication and piece. */
    @Serdeable
    public record Slot(long id, OffsetDateTime plannedAt, SlotStatus status, @Nullable Long publicationId,
                       @Nullable PublicationStatus publicationStatus, @Nullable Long pieceId, @Nullable String title) {}
}
