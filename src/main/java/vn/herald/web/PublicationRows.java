package vn.herald.web;

import jakarta.inject.Singleton;
import vn.herald.support.Refusal;
import vn.herald.channel.Channel;
import vn.herald.channel.Channels;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publication;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Joins publications to their pieces' titles and channels' names for the lists. */
@Singleton
class PublicationRows {

    private final Pieces pieces;
    private final Channels channels;
    private final Times times;

    PublicationRows(Pieces pieces, Channels channels, Times times) {
        this.pieces = pieces;
        this.channels = channels;
        this.times = times;
    }

    List<PublicationRow> of(List<Publication> publications) {
        Map<String, Channel> byId = channels.list().stream().collect(Collectors.toMap(Channel::id, Function.identity()));
        Map<Long, String> titles = new HashMap<>();
        return publications.stream().map(p -> PublicationRow.of(p, titles.computeIfAbsent(p.pieceId(), this::title),
                byId.get(p.channelId()), times)).toList();
    }

    private String title(long pieceId) {
        try {
            return pieces.get(pieceId).title();
        } catch (Refusal gone) {
            return "#" + pieceId;
        }
    }
}
