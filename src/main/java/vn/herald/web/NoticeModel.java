package vn.herald.web;

import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.notice.Notices;

import java.util.Map;

/**
 * Puts into every page's header the person's unread notices ({@code unreadNotices}, the bell) and what waits for
 * review in the units they reach ({@code waitingReview}, the menu). Fragments drawn for htmx carry no header.
 */
@Singleton
class NoticeModel implements ViewModelProcessor<Map<String, Object>> {

    private final Notices notices;
    private final Pieces pieces;

    NoticeModel(Notices notices, Pieces pieces) {
        this.notices = notices;
        this.pieces = pieces;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> view) {
        request.getUserPrincipal(Authentication.class).ifPresent(user -> view.getModel()
                .filter(model -> model.containsKey("nav"))
                .ifPresent(model -> {
                    model.putIfAbsent("unreadNotices", notices.unread(user.getName()));
                    model.putIfAbsent("waitingReview", pieces.list(new Pieces.Filter(null, null, PieceStatus.IN_REVIEW,
                            null, null, null), Pageable.from(0, 1)).getTotalSize());
                }));
    }
}
