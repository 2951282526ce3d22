package vn.herald.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls to the JSON API as the API tests make them: the answer as a map, or the refusal's problem document. */
record JsonCalls(HttpClient http, JsonMapper json) {

    Map<String, Object> call(MutableHttpRequest<?> request) {
        HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
        return read(response.body());
    }

    Map<String, Object> read(String body) {
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** The refused call's status and its problem document. */
    Map<String, Object> refused(MutableHttpRequest<?> request, HttpStatus expected) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request, String.class));
        assertEquals(expected, e.getStatus(), () -> e.getResponse().getBody(String.class).orElse(""));
        String contentType = e.getResponse().getContentType().map(MediaType::toString).orElse("");
        if (expected != HttpStatus.UNAUTHORIZED && expected != HttpStatus.FORBIDDEN) {
            assertTrue(contentType.startsWith("application/problem+json"), "content type " + contentType);
        }
        return e.getResponse().getBody(String.class).map(this::read).orElse(Map.of());
    }
}
