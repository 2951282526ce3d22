package vn.herald.channel;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Access;
import vn.herald.unit.Reach;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured channels as other features see them. */
@Singleton
public class Channels {

    private final ChannelRepository repository;
    private final Access access;
    private final java.time.Clock clock;
    private final ApplicationEventPublisher<ChannelPaused> pauses;

    Channels(ChannelRepository repository, Access access, java.time.Clock clock,
             ApplicationEventPublisher<ChannelPaused> pauses) {
        this.repository = repository;
        this.access = access;
        this.clock = clock;
        this.pauses = pauses;
    }

    /** Every channel of every unit: for Herald's own work (dispatch, sweeps, feeds), never to show a person. */
    public List<Channel> list() {
        return repository.findAllOrderById();
    }

    /** The channels of the units the caller reaches. */
    public List<Channel> visible() {
        Reach reach = access.reach();
        return list().stream().filter(channel -> reach.canRead(channel.unitCode())).toList();
    }

    /** A channel of a unit the caller reaches; another unit's answers as a missing one does. */
    public Channel seen(String id) {
        Channel channel = get(id);
        access.read(channel.unitCode(), Refusal.Noun.CHANNEL, id);
        return channel;
    }

    /** The unit's channels, by id. */
    public List<Channel> ofUnit(String unitCode) {
        return repository.findByUnitCodeOrderById(unitCode);
    }

    public Optional<Channel> find(String id) {
        return repository.findById(id);
    }

    /** Channels by id in one query; an id not found is left out. */
    public Map<String, Channel> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Channel> found = new HashMap<>();
        repository.findByIdInList(ids).forEach(channel -> found.put(channel.id(), channel));
        return found;
    }

    public Channel get(String id) {
        return find(id).orElseThrow(() -> Refusal.notFound(Refusal.Noun.CHANNEL, id));
    }

    /** Stops sending on the channel until a person resumes it; keeps the first reason if already paused. */
    public Channel pause(String id, String reason) {
        Channel channel = get(id);
        if (channel.paused()) {
            return channel;
        }
        Channel paused = repository.update(withPausedReason(channel, reason));
        pauses.publishEvent(new ChannelPaused(paused.id(), paused.unitCode(), paused.name(), reason));
        return paused;
    }

    /** Whether the channel's file is gone from channels/ (it is kept paused for its history). */
    public boolean fileRemoved(Channel channel) {
        return ChannelFiles.REMOVED.formatted(channel.id()).equals(channel.pausedReason());
    }

    public Channel resume(String id) {
        Channel channel = get(id);
        if (ChannelFiles.REMOVED.formatted(id).equals(channel.pausedReason())) {
            throw Refusal.conflict(RefusalCode.CHANNEL_FILE_REMOVED, channel.name(), id);
        }
        return channel.paused() ? repository.update(withPausedReason(channel, null)) : channel;
    }

    private Channel withPausedReason(Channel c, String reason) {
        return new Channel(c.id(), c.unitCode(), c.type(), c.mode(), c.name(), c.settings(), c.sourceHash(), reason,
                c.createdAt(), clock.instant());
    }
}
