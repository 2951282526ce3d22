package vn.herald.channel;

import jakarta.inject.Singleton;
import vn.herald.Refusal;

import java.util.List;
import java.util.Optional;

/** The configured channels as other features see them. */
@Singleton
public class Channels {

    private final ChannelRepository repository;

    Channels(ChannelRepository repository) {
        this.repository = repository;
    }

    public List<Channel> list() {
        return repository.findAllOrderById();
    }

    public Optional<Channel> find(String id) {
        return repository.findById(id);
    }

    public Channel get(String id) {
        return find(id).orElseThrow(() -> Refusal.notFound("channel", id));
    }
}
