package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import vn.herald.account.Role;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.net.URI;
import java.util.List;

/**
 * A person who is only a contributor (the police, the Fatherland Front, a school) reaches the plans and their own
 * login, nothing else: not the unit's pieces, calendar, channels or reports, which every other logged-in person may
 * read. Their home is the plans page. Roles that write or approve are checked by each route as before.
 */
@ServerFilter("/**")
class ContributorScope implements Ordered {

    private static final List<String> OPEN = List.of("/plans", "/api/plans", "/login", "/logout", "/static/", "/assets/",
            "/favicon.ico", "/portal", "/api/users/me", "/health");

    @RequestFilter
    @Nullable
    HttpResponse<?> keepToPlans(HttpRequest<?> request) {
        boolean contributorOnly = request.getUserPrincipal(Authentication.class)
                .map(user -> user.getRoles().contains(Role.CONTRIBUTOR.name())
                        && user.getRoles().stream().noneMatch(r -> !r.equals(Role.CONTRIBUTOR.name())))
                .orElse(false);
        if (!contributorOnly) {
            return null;
        }
        String path = request.getPath();
        if (path.equals("/")) {
            return HttpResponse.seeOther(URI.create("/plans"));
        }
        if (OPEN.stream().noneMatch(path::startsWith)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, RefusalCode.FORBIDDEN);
        }
        return null;
    }

    @Override
    public int getOrder() {
        // after the security filter, which has found who is calling
        return ServerFilterPhase.SECURITY.after();
    }
}
