package vn.herald.report;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static vn.herald.TestUsers.asAdmin;

/** Reading a report's JSON as the tests check it: fetched as the admin, then walked as lists and maps. */
final class ReportJson {

    private ReportJson() {}

    static Map<String, Object> get(HttpClient http, JsonMapper json, String uri) throws IOException {
        return json.readValue(http.toBlocking().retrieve(asAdmin(HttpRequest.GET(uri))), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
