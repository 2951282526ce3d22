package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import vn.herald.support.Refusal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way a page form is handled: its token is checked first (403 otherwise, nothing done), then the action
 * runs, and a refusal the action throws becomes what the person sees: the page drawn again with what they typed and
 * the wrong fields marked, or, for a form of buttons alone, the page it came from with the message.
 */
@Singleton
class PageForms {

    /** The query parameter a page reads its refusal message from. */
    static final String ERROR_PARAMETER = "loi";

    private final FormTokens tokens;

    PageForms(FormTokens tokens) {
        this.tokens = tokens;
    }

    /** Runs the action of a form whose page is drawn again on a refusal, by {@code refused}. */
    HttpResponse<?> handle(Authentication user, @Nullable String token, Supplier<HttpResponse<?>> action,
                           Function<Refusal, HttpResponse<?>> refused) {
        tokens.require(user, token);
        try {
            return action.get();
        } catch (Refusal refusal) {
            return refused.apply(refusal);
        }
    }

    /** Runs the action of a form with nothing typed; a refusal sends the person back to {@code back} with its message. */
    HttpResponse<?> handle(Authentication user, @Nullable String token, Supplier<HttpResponse<?>> action, String back) {
        return handle(user, token, action, refusal -> backTo(back, refusal));
    }

    /** Checks the token of a form whose refusals answer as problem+json (the calendar's drag and drop). */
    void check(Authentication user, @Nullable String token) {
        tokens.require(user, token);
    }

    /** A fresh token for the login form, whose copy travels in a cookie (there is no login yet to tie it to). */
    String loginNonce() {
        return tokens.loginNonce();
    }

    /** Whether the login form's token is the one its cookie carries. */
    boolean loginTokenMatches(@Nullable String token, @Nullable String cookie) {
        return FormTokens.same(token, cookie);
    }

    /** What the person reads: the refusal's message, then each wrong field's own, named by its label. */
    static String message(Refusal refusal) {
        return refusal.explained(Refusal.VIETNAMESE);
    }

    /** The message next to each wrong field, by the field's name (the pages mark these aria-invalid). */
    static Map<String, String> fieldErrors(Refusal refusal) {
        Map<String, String> byField = new LinkedHashMap<>();
        refusal.fieldErrors().forEach(error -> byField.merge(error.field(), error.message(), (a, b) -> a + " " + b));
        return byField;
    }

    static HttpResponse<?> backTo(String path, Refusal refusal) {
        String separator = path.contains("?") ? "&" : "?";
        return HttpResponse.seeOther(URI.create(path + separator + ERROR_PARAMETER + "="
                + URLEncoder.encode(message(refusal), StandardCharsets.UTF_8)));
    }
}
