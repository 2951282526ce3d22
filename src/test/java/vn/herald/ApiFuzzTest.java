package vn.herald;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpMethod;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import vn.herald.account.Accounts;
import vn.herald.account.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random and malformed input at every route of the running service, found in the router so a new endpoint is covered
 * without touching this test: a client error is answered with a 4xx, never a 500. Calls are made by a user holding
 * every role, so the input reaches the controllers instead of stopping at the door.
 */
class ApiFuzzTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/?]+)}");
    private static final Set<String> NOT_INPUT = Set.of("principal", "authentication", "request", "httpRequest");
    private static final String USER = "fuzz";
    private static final String PASSWORD = "fuzz-password-for-tests";

    private static ApplicationContext context;
    private static EmbeddedServer server;
    private static List<Route> routes;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One route: method, URI template, and the names of its query arguments. */
    record Route(String method, String template, List<String> query, boolean takesBody) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    @BeforeContainer
    static void start() {
        context = ApplicationContext.run(Map.of("herald.publishing.scheduler-enabled", "false"), "test");
        server = context.getBean(EmbeddedServer.class).start();
        context.getBean(Accounts.class).create(new Accounts.AccountForm(USER, "Kiểm thử ngẫu nhiên", PASSWORD,
                EnumSet.allOf(Role.class), null, true));
        // bcrypt at the service's cost takes tens of milliseconds per call; thousands of calls need a cheap hash
        String cheapHash = at.favre.lib.crypto.bcrypt.BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
        try (Connection connection = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection();
             PreparedStatement update = connection.prepareStatement("update app_user set password_hash = ? where username = ?")) {
            update.setString(1, cheapHash);
            update.setString(2, USER);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        routes = context.getBean(Router.class).uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD && route.getHttpMethod() != HttpMethod.OPTIONS)
                .map(ApiFuzzTest::routeOf)
                .distinct()
                .sorted(java.util.Comparator.comparing(Route::toString))
                .toList();
    }

    @AfterContainer
    static void stop() {
        context.close();
    }

    private static Route routeOf(UriRouteInfo<?, ?> info) {
        String template = info.getUriMatchTemplate().toPathString();
        Set<String> inPath = new java.util.HashSet<>();
        Matcher variables = VARIABLE.matcher(template);
        while (variables.find()) {
            inPath.add(variables.group(1));
        }
        List<String> query = new ArrayList<>();
        boolean body = false;
        for (Argument<?> argument : info.getTargetMethod().getArguments()) {
            String name = argument.getName();
            boolean annotatedBody = argument.getAnnotationMetadata().hasAnnotation(io.micronaut.http.annotation.Body.class);
            if (annotatedBody || argument.getAnnotationMetadata().hasAnnotation(io.micronaut.http.annotation.Part.class)) {
                body = true;
            } else if (!inPath.contains(name) && !NOT_INPUT.contains(name)
                    && !argument.getType().getName().startsWith("io.micronaut")
                    && !argument.getType().getName().startsWith("java.security")) {
                query.add(name);
            }
        }
        HttpMethod method = info.getHttpMethod();
        return new Route(method.name(), template, List.copyOf(query),
                body || method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH);
    }

    // --- what is sent

    private static final List<String> MALFORMED = List.of("", "{", "}", "[", "[]", "null", "0", "-1", "1e999", "\"text\"",
            "true", "{\"a\":}", "{'single': 'quotes'}", "{\"a\":1,}", "{\"a\" 1}", "{\"pieceId\": \"abc\"}",
            "{\"pieceId\": 99999999999999999999}", "{\"pieceId\": 1.5, \"channelId\": [], \"plannedAt\": 7}",
            "{\"plannedAt\": \"mai\"}", "{\"plannedAt\": \"2027-13-45T99:00:00Z\"}", "{\"channelIds\": [null, 1, {}]}",
            "{\"kind\": \"ARTICEL\"}", "{\"kind\": null, \"title\": null}", "{\"roles\": [\"GOD\"]}", "{\"roles\": \"ADMIN\"}",
            "{\"priority\": \"KHẨN\"}", "{\"revision\": -5}", "{\"revision\": \"one\"}", "{\"zone\": \"Mars/Olympus\"}",
            "{\"reason\": {\"nested\": [1, 2, 3]}}", "{\"variants\": \"x\"}", "{\"variants\": {\"zalo\": 5}}",
            "{\"topics\": \"not a list\"}", "{\"topics\": [[[]]]}", "{\"enabled\": \"maybe\"}", "\u0000\u0001\u0002",
            "[".repeat(5000) + "]".repeat(5000), "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
            "{\"title\": \"" + "Ư".repeat(100_000) + "\"}", "\uFEFF{}", "{\"\\ud800\": \"\\udfff\"}");

    private static final List<String> PATH_VALUES = List.of("1", "0", "-1", "999999", "99999999999999999999", "abc",
            "%20", "%00", "..", "xa-hoa-an", "admin", "ẩn", "1.5", "9223372036854775807", "%E1%BA");

    private static final List<String> QUERY_VALUES = List.of("", "x", "-1", "0", "99999999999999999999", "1.5",
            "2027-13-45", "2027-05-18T07:00:00+07:00", "mai", "ARTICEL", "PUBLISHED", "%", "null", "[]", "ẩn", "9223372036854775807");

    private static int call(Route route, String pathValue, Map<String, String> query, String body) {
        String path = VARIABLE.matcher(route.template()).replaceAll(Matcher.quoteReplacement(pathValue));
        String queryString = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create("http://127.0.0.1:" + server.getPort() + path + (queryString.isEmpty() ? "" : "?" + queryString));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (route.takesBody()) {
            request.header("Content-Type", "application/json")
                    .method(route.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(route.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (path.startsWith("/api/") && response.statusCode() >= 400 && response.statusCode() < 500) {
                String wrong = problemFault(response);
                if (wrong != null) {
                    throw new AssertionError(route + " path=" + pathValue + " query=" + query + " body=" + abbreviated(body)
                            + " answered " + response.statusCode() + " " + wrong + ": " + abbreviated(response.body()));
                }
            }
            if (response.statusCode() >= 500) {
                System.out.println("FUZZ " + response.statusCode() + " " + route + " path=" + pathValue + " query=" + query
                        + " body=" + abbreviated(body) + " -> " + abbreviated(response.body()));
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(route + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a 4xx answer lacks of a full problem document (type, title, code, detail, instance; errors on a 400), or null. */
    private static String problemFault(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "is not application/problem+json";
        }
        Map<String, Object> problem;
        try {
            problem = context.getBean(JsonMapper.class).readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            return "is not JSON";
        }
        for (String member : List.of("type", "title", "code", "detail", "instance")) {
            if (!(problem.get(member) instanceof String text) || text.isBlank()) {
                return "has no " + member;
            }
        }
        if (response.statusCode() == 400 && !(problem.get("errors") instanceof List<?> errors && !errors.isEmpty())) {
            return "names no field in errors";
        }
        return null;
    }

    private static Map<String, Object> problemOf(Route route, Map<String, String> query, String body, int expected) {
        String path = route.template();
        String queryString = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path
                        + (queryString.isEmpty() ? "" : "?" + queryString)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(route.method(), route.takesBody() ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(expected, response.statusCode(), response.body());
            assertEquals(null, problemFault(response), response.body());
            return context.getBean(JsonMapper.class).readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "... (" + text.length() + " characters)" : text;
    }

    // --- the properties

    @Example
    void theRouterListsTheApi() {
        Set<String> templates = routes.stream().map(Route::template).collect(Collectors.toSet());
        assertTrue(templates.containsAll(Set.of("/api/pieces", "/api/publications", "/api/units", "/api/users")), templates::toString);
    }

    @Example
    void ofTheBuiltInEndpointsOnlyHealthIsServed() {
        Route health = new Route("GET", "/health", List.of(), false);
        assertEquals(200, call(health, "", Map.of(), ""));
        for (String internal : List.of("/beans", "/routes", "/threaddump", "/info", "/flyway", "/env", "/loggers", "/refresh")) {
            assertEquals(404, call(new Route("GET", internal, List.of(), false), "", Map.of(), ""), internal);
            assertEquals(404, call(new Route("POST", internal, List.of(), true), "", Map.of(), "{}"), internal);
        }
    }

    @Example
    void aDateThatIsNotADateIsAFullProblemNamingTheField() {
        Map<String, Object> problem = problemOf(new Route("POST", "/api/publications", List.of(), true), Map.of(),
                "{\"pieceId\": 1, \"channelId\": \"facebook\", \"plannedAt\": \"not-a-date\"}", 400);
        assertEquals("Yêu cầu không hợp lệ", problem.get("title"));
        assertEquals("/api/publications", problem.get("instance"));
        Map<?, ?> error = (Map<?, ?>) ((List<?>) problem.get("errors")).get(0);
        assertEquals("plannedAt", error.get("field"));
        assertTrue(String.valueOf(error.get("message")).contains("ngày giờ kèm múi giờ"), problem::toString);
        assertTrue(String.valueOf(problem.get("detail")).startsWith("Yêu cầu có chỗ không hợp lệ: Thời gian: "), problem::toString);
    }

    @Example
    void anUnknownStatusInTheQueryIsAFullProblemListingTheKnownOnes() {
        Map<String, Object> problem = problemOf(new Route("GET", "/api/publications", List.of("status"), false),
                Map.of("status", "BOGUS"), "", 400);
        Map<?, ?> error = (Map<?, ?>) ((List<?>) problem.get("errors")).get(0);
        assertEquals("status", error.get("field"));
        assertTrue(String.valueOf(error.get("message")).contains("“BOGUS” không hợp lệ: phải là một trong SCHEDULED"), problem::toString);
    }

    @Example
    void unreadableJsonAndAnUnknownAddressAreFullProblemsToo() {
        Map<String, Object> broken = problemOf(new Route("POST", "/api/publications", List.of(), true), Map.of(), "{\"pieceId\":", 400);
        assertEquals("invalid", broken.get("code"));
        Map<String, Object> missing = problemOf(new Route("GET", "/api/no-such-thing", List.of(), false), Map.of(), "", 404);
        assertEquals("not-found", missing.get("code"));
        assertEquals("Không có gì ở địa chỉ này.", missing.get("detail"));
    }

    @Example
    void everyMalformedBodyAtEveryRouteIsAClientError() {
        Map<String, Integer> serverErrors = new TreeMap<>();
        for (Route route : routes) {
            for (String pathValue : List.of("1", "abc")) {
                for (String body : route.takesBody() ? MALFORMED : List.of("")) {
                    int status = call(route, pathValue, Map.of(), body);
                    if (status >= 500) {
                        serverErrors.put(route + " path=" + pathValue + " body=" + abbreviated(body), status);
                    }
                }
            }
        }
        assertTrue(serverErrors.isEmpty(), () -> "server errors: " + serverErrors);
    }

    @Example
    void everyOddPathAndQueryValueAtEveryRouteIsAClientError() {
        Map<String, Integer> serverErrors = new TreeMap<>();
        for (Route route : routes) {
            for (String pathValue : PATH_VALUES) {
                int status = call(route, pathValue, Map.of(), "{}");
                if (status >= 500) {
                    serverErrors.put(route + " path=" + pathValue, status);
                }
            }
            for (String name : route.query()) {
                for (String value : QUERY_VALUES) {
                    int status = call(route, "1", Map.of(name, value), "{}");
                    if (status >= 500) {
                        serverErrors.put(route + " " + name + "=" + value, status);
                    }
                }
            }
        }
        assertTrue(serverErrors.isEmpty(), () -> "server errors: " + serverErrors);
    }

    @Property(tries = 1500)
    void randomJsonAtAnyRouteIsNeverAServerError(@ForAll("routes") Route route, @ForAll("pathValues") String pathValue,
                                                 @ForAll("json") String body, @ForAll("queries") Map<String, String> extra) {
        Map<String, String> query = new TreeMap<>();
        List<String> names = route.query();
        extra.forEach((key, value) -> query.put(names.isEmpty() ? key : names.get(Math.floorMod(key.hashCode(), names.size())), value));
        int status = call(route, pathValue, query, body);
        assertTrue(status < 500, () -> route + " answered " + status + " to " + abbreviated(body) + " with " + query);
    }

    @Provide
    Arbitrary<Route> routes() {
        return Arbitraries.of(routes);
    }

    @Provide
    Arbitrary<String> pathValues() {
        return Arbitraries.oneOf(Arbitraries.of(PATH_VALUES), Arbitraries.longs().map(String::valueOf));
    }

    @Provide
    Arbitrary<Map<String, String>> queries() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(QUERY_VALUES), Arbitraries.strings().ofMaxLength(20));
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), value).ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> json() {
        return Arbitraries.oneOf(jsonValue(3), jsonValue(3).map(ApiFuzzTest::damaged), Arbitraries.of(MALFORMED));
    }

    /** JSON objects whose keys are the API's own field names, with values of every type. */
    private Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(ApiFuzzTest::jsonString),
                Arbitraries.of(QUERY_VALUES).map(ApiFuzzTest::jsonString),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "1e400", "-0", "12345678901234567890123"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> key = Arbitraries.of("pieceId", "channelId", "channelIds", "plannedAt", "priority", "kind", "title",
                "summary", "body", "script", "topics", "audiences", "campaigns", "variants", "revision", "reason", "username",
                "displayName", "password", "roles", "unitCode", "enabled", "code", "name", "zone", "parent", "caption",
                "altText", "author", "role", "status");
        Arbitrary<String> object = Arbitraries.maps(key, Arbitraries.lazy(() -> jsonValue(depth - 1))).ofMaxSize(6)
                .map(map -> map.entrySet().stream().map(e -> jsonString(e.getKey()) + ":" + e.getValue())
                        .collect(Collectors.joining(",", "{", "}")));
        Arbitrary<String> array = Arbitraries.lazy(() -> jsonValue(depth - 1)).list().ofMaxSize(4)
                .map(items -> String.join(",", items)).map(items -> "[" + items + "]");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, scalar), net.jqwik.api.Tuple.of(5, object),
                net.jqwik.api.Tuple.of(1, array));
    }

    /** Cuts a valid document short or drops a character from it. */
    private static String damaged(String json) {
        if (json.length() < 2) {
            return json + "{";
        }
        int at = Math.floorMod(json.hashCode(), json.length());
        return json.hashCode() % 2 == 0 ? json.substring(0, at) : json.substring(0, at) + json.substring(at + 1);
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
