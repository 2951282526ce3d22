package vn.herald.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.util.Set;

/**
 * The login cookie alone does not let anyone write through {@code /api}: a cookie-authenticated POST, PUT, PATCH or
 * DELETE must carry the page's form token in {@code X-Form-Token}. HTTP Basic callers are not affected (a browser
 * never adds Basic credentials to a forged request by itself). No page or script calls {@code /api} today.
 */
@ServerFilter("/api/**")
class ApiFormTokenFilter implements Ordered {

    static final String HEADER = "X-Form-Token";
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final FormTokens tokens;

    ApiFormTokenFilter(FormTokens tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    void requireFormToken(HttpRequest<?> request) {
        if (!WRITES.contains(request.getMethod())) {
            return;
        }
        request.getUserPrincipal(Authentication.class)
                .filter(user -> user.getAttributes().containsKey(LiveSessionCheck.CLAIM))
                .filter(user -> !tokens.matches(user, request.getHeaders().get(HEADER)))
                .ifPresent(user -> {
                    throw new Refusal(Refusal.Kind.FORBIDDEN, RefusalCode.FORM_TOKEN_REQUIRED, HEADER);
                });
    }

    @Override
    public int getOrder() {
        // after the security filter, which has found who is calling
        return ServerFilterPhase.SECURITY.after();
    }
}
