package vn.herald.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.validation.validator.messages.InterpolatorLocaleResolver;
import jakarta.inject.Singleton;
import vn.herald.support.Refusal;

import java.util.Locale;
import java.util.Optional;

/**
 * The language of bean-validation messages ({@code jakarta.validation.constraints.*.message} in the message bundle):
 * the problem document's, so a constraint reads in Vietnamese unless the request asks for English, and in Vietnamese
 * outside any request (a configuration checked at start-up).
 */
@Singleton
@Replaces(InterpolatorLocaleResolver.class)
class ValidationLanguage implements InterpolatorLocaleResolver {

    @Override
    public Optional<Locale> resolve() {
        return Optional.of(ServerRequestContext.currentRequest().map(ClientLanguage::of).orElse(Refusal.VIETNAMESE));
    }
}
