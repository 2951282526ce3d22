package vn.herald.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/** Puts the logged-in person's form token into every page, as {@code csrfToken}. */
@Singleton
class FormTokenModel implements ViewModelProcessor<Map<String, Object>> {

    private final FormTokens tokens;

    FormTokenModel(FormTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> view) {
        request.getUserPrincipal(Authentication.class).ifPresent(user ->
                view.getModel().ifPresent(model -> model.putIfAbsent("csrfToken", tokens.tokenFor(user))));
    }
}
