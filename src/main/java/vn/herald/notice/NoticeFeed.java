package vn.herald.notice;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import vn.herald.account.Accounts;
import vn.herald.account.Role;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelPaused;
import vn.herald.channel.Channels;
import vn.herald.content.PieceReviewed;
import vn.herald.content.Pieces;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.PublicationTroubled;

import java.util.List;
import java.util.Set;

/**
 * Turns what happens in the features into notices for the right people: the writers of a reviewed piece, the
 * editors of the unit whose publication or channel needs them. Runs inside the transaction of what happened.
 */
@Singleton
class NoticeFeed {

    private final Notices notices;
    private final Accounts accounts;
    private final Pieces pieces;
    private final Channels channels;

    NoticeFeed(Notices notices, Accounts accounts, Pieces pieces, Channels channels) {
        this.notices = notices;
        this.accounts = accounts;
        this.pieces = pieces;
        this.channels = channels;
    }

    @EventListener
    void reviewed(PieceReviewed review) {
        String reviewer = accounts.displayName(review.reviewer());
        Notices.Message message = review.approved()
                ? new Notices.Message(NoticeKind.APPROVED, review.unitCode(), "«" + review.title() + "» đã được duyệt",
                        "Người duyệt: " + reviewer + ". Tin, bài đã có thể lên lịch đăng.", "/pieces/" + review.pieceId(), null)
                : new Notices.Message(NoticeKind.SENT_BACK, review.unitCode(), "«" + review.title() + "» bị trả lại",
                        "Lý do: " + review.reason() + " (người duyệt: " + reviewer + ").", "/pieces/" + review.pieceId(), null);
        notices.tell(review.writers(), message);
    }

    @EventListener
    void troubled(PublicationTroubled trouble) {
        String title = pieces.titles(Set.of(trouble.pieceId())).getOrDefault(trouble.pieceId(), "tin, bài " + trouble.pieceId());
        String channel = channels.find(trouble.channelId()).map(Channel::name).orElse(trouble.channelId());
        String what = trouble.status() == PublicationStatus.EXPIRED
                ? "«" + title + "» không được đăng lên " + channel + ": đã quá hạn đăng"
                : "«" + title + "» chưa đăng được lên " + channel + ": cần người xử lý";
        notices.tell(editors(trouble.unitCode()), new Notices.Message(NoticeKind.PUBLICATION_TROUBLE, trouble.unitCode(),
                what, "Trang lượt đăng cho biết điều đã xảy ra và việc cần làm.", "/publications/" + trouble.publicationId(),
                null));
    }

    @EventListener
    void paused(ChannelPaused pause) {
        notices.tell(editors(pause.unitCode()), new Notices.Message(NoticeKind.CHANNEL_PAUSED, pause.unitCode(),
                "Kênh " + pause.name() + " đã tạm dừng", "Lý do: " + pause.reason() + ". Các lượt đăng trên kênh này chờ "
                + "đến khi quản trị viên cho kênh chạy lại.", "/channels", null));
    }

    List<String> editors(String unitCode) {
        return accounts.holding(unitCode, Role.EDITOR).stream().map(Accounts.Account::username).toList();
    }
}
