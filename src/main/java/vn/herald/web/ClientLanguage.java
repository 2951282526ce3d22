package vn.herald.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import vn.herald.support.Refusal;

import java.util.List;
import java.util.Locale;

/**
 * The language of an API answer: Vietnamese, unless the request's {@code Accept-Language} prefers English. The pages
 * are always Vietnamese (application.yml fixes their locale); only problem documents follow the header.
 */
final class ClientLanguage {

    private static final List<Locale> SPOKEN = List.of(Refusal.VIETNAMESE, Locale.ENGLISH);

    private ClientLanguage() {}

    static Locale of(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return Refusal.VIETNAMESE;
        }
        try {
            List<Locale> wanted = Locale.filter(Locale.LanguageRange.parse(header), SPOKEN);
            return wanted.isEmpty() ? Refusal.VIETNAMESE : wanted.get(0);
        } catch (IllegalArgumentException unreadable) {
            return Refusal.VIETNAMESE;
        }
    }
}
