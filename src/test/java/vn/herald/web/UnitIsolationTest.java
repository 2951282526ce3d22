package vn.herald.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.herald.account.Accounts;
import vn.herald.account.Role;
import vn.herald.calendar.GapFiller;
import vn.herald.campaign.CampaignView;
import vn.herald.campaign.Campaigns;
import vn.herald.channel.Channel;
import vn.herald.channel.Channels;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Units;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two communes on one Herald: Xã Hòa An (A, the installation's own unit, with its channels and library) and Xã Bình
 * Minh (B), both under one province. Every route the router knows is called by each kind of B user against A's
 * objects: a route naming one of A's objects never succeeds, no answer carries A's content, and nothing of A changes.
 * The province's user may read A but changes nothing either. A new route is walked without touching this test.
 */
class UnitIsolationTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/?]+)}");
    private static final String PASSWORD = "mat-khau-cua-kiem-thu-don-vi";
    private static final String A = "xa-hoa-an";
    private static final String B = "xa-binh-minh";
    private static final String PROVINCE = "tinh-thu";
    /** What only A's objects say: none of it may reach a user of B. */
    private static final String SECRET_TITLE = "Tin riêng của Hòa An số 7Q";
    private static final String SECRET_CAMPAIGN = "Chiến dịch riêng Hòa An 7Q";
    /** Served to anyone by design: the public portal, calendar feeds by secret token, files by hash, the login. */
    private static final Set<String> PUBLIC = Set.of("/portal", "/ical/", "/assets/", "/login", "/sitemap.xml",
            "/static/", "/webjars/", "/swagger", "/health");

    private static ApplicationContext context;
    private static EmbeddedServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Piece approved;
    private static Piece draft;
    private static Publication scheduled;
    private static CampaignView campaign;
    private static GapFiller.FillView fill;
    private static List<Channel> channelsOfA;

    record Route(HttpMethod method, String template, boolean form) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of("herald.publishing.scheduler-enabled", "false"), "test");
        server = context.getBean(EmbeddedServer.class).start();
        Units units = context.getBean(Units.class);
        units.create(new Units.UnitForm(PROVINCE, "Tỉnh Thử", "Asia/Ho_Chi_Minh", null));
        units.update(A, new Units.UnitForm(null, "Xã Hòa An", "Asia/Ho_Chi_Minh", PROVINCE));
        units.create(new Units.UnitForm(B, "Xã Bình Minh", "Asia/Ho_Chi_Minh", PROVINCE));
        Accounts accounts = context.getBean(Accounts.class);
        user(accounts, "b-bien-tap", B, EnumSet.of(Role.EDITOR));
        user(accounts, "b-duyet", B, EnumSet.of(Role.APPROVER));
        user(accounts, "b-ca-hai", B, EnumSet.of(Role.EDITOR, Role.APPROVER));
        user(accounts, "tinh-ca-hai", PROVINCE, EnumSet.of(Role.EDITOR, Role.APPROVER));
        user(accounts, "a-bien-tap", A, EnumSet.of(Role.EDITOR, Role.APPROVER));
        user(accounts, "a-duyet", A, EnumSet.of(Role.APPROVER));

        // A's work, made by Herald itself (no request: every unit is within reach)
        Pieces pieces = context.getBean(Pieces.class);
        approved = pieces.create(article(SECRET_TITLE), "a-bien-tap");
        pieces.submit(approved.id(), "a-bien-tap");
        approved = pieces.approve(approved.id(), approved.revision(), "a-duyet");
        draft = pieces.create(article(SECRET_TITLE + " (bản nháp)"), "a-bien-tap");
        channelsOfA = context.getBean(Channels.class).ofUnit(A);
        Instant inTwoDays = Instant.now().plus(Duration.ofDays(2));
        scheduled = context.getBean(Publishing.class).schedule(approved.id(),
                List.of(channelsOfA.stream().filter(c -> c.id().equals("facebook")).findFirst().orElseThrow().id()),
                inTwoDays, "a-bien-tap").get(0);
        campaign = context.getBean(Campaigns.class).create(new Campaigns.CampaignForm("rieng-hoa-an", SECRET_CAMPAIGN, A, null,
                LocalDate.now().plusDays(1).toString(), LocalDate.now().plusDays(8).toString(), null, null, null,
                "rieng-hoa-an", List.of(), Map.of("EPORTAL", "weekly"), null), "a-bien-tap");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        fill = context.getBean(GapFiller.class).propose(A, today, today.plusDays(7), "a-bien-tap");
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void theWalkReachesAsObjectsWhenAsOwnEditorAsks() {
        // the control: the same addresses answer A's own people, so a refusal below is the rule at work, not a typo
        assertEquals(200, call("a-bien-tap", new Route(HttpMethod.GET, "/api/pieces/{id}", false), approved.id() + "").status);
        assertTrue(call("a-bien-tap", new Route(HttpMethod.GET, "/api/publications/{id}", false), scheduled.id() + "").body
                .contains(String.valueOf(approved.id())));
        assertTrue(call("a-bien-tap", new Route(HttpMethod.GET, "/api/campaigns/{id}", false), campaign.id() + "").body
                .contains(SECRET_CAMPAIGN));
        // and the pages take the walk's forms: their token passes, so the unit rule alone refuses B below
        Pieces pieces = context.getBean(Pieces.class);
        Piece control = pieces.create(article("Bài kiểm soát của Hòa An"), "a-bien-tap");
        call("a-bien-tap", new Route(HttpMethod.POST, "/pieces/{id}/submit", true), control.id() + "");
        assertEquals(PieceStatus.IN_REVIEW, pieces.get(control.id()).status());
    }

    @Test
    void noUserOfAnotherCommuneReachesAnythingOfHoaAn() {
        Map<String, Object> before = stateOfA();
        Map<String, String> leaks = new TreeMap<>();
        for (String user : List.of("b-bien-tap", "b-duyet", "b-ca-hai")) {
            for (Route route : routes()) {
                for (String value : pathValues(route)) {
                    Answer answer = call(user, route, value);
                    assertTrue(answer.status != 406, () -> route + " was not walked: " + answer);
                    boolean namesAnObjectOfA = route.template().contains("{");
                    if (namesAnObjectOfA && answer.status / 100 == 2) {
                        leaks.put(user + " " + route + " " + value, answer.status + " " + abbreviated(answer.body));
                    }
                    if (answer.body.contains(SECRET_TITLE) || answer.body.contains(SECRET_CAMPAIGN)) {
                        leaks.put(user + " " + route + " " + value + " (content of A)", answer.status + " " + abbreviated(answer.body));
                    }
                }
            }
        }
        assertTrue(leaks.isEmpty(), () -> leaks.size() + " answers reached Hòa An's work:\n" + String.join("\n",
                leaks.entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue()).toList()));
        assertEquals(before, stateOfA(), "nothing of Hòa An changed");
    }

    @Test
    void theProvinceReadsItsCommunesButChangesNothing() {
        Map<String, Object> before = stateOfA();
        assertEquals(200, call("tinh-ca-hai", new Route(HttpMethod.GET, "/api/pieces/{id}", false), approved.id() + "").status);
        assertEquals(200, call("tinh-ca-hai", new Route(HttpMethod.GET, "/api/calendar", false), "").status);
        Map<String, String> changes = new TreeMap<>();
        for (Route route : routes()) {
            if (route.method() == HttpMethod.GET) {
                continue;
            }
            for (String value : pathValues(route)) {
                Answer answer = call("tinh-ca-hai", route, value);
                if (route.template().contains("{") && answer.status / 100 == 2) {
                    changes.put(route + " " + value, answer.status + " " + abbreviated(answer.body));
                }
            }
        }
        assertTrue(changes.isEmpty(), () -> "the province changed Hòa An's work: " + changes);
        assertEquals(before, stateOfA(), "nothing of Hòa An changed");
        Answer refused = call("tinh-ca-hai", new Route(HttpMethod.POST, "/api/pieces/{id}/archive", false), approved.id() + "");
        assertEquals(403, refused.status, refused.body);
        assertTrue(refused.body.contains("unit-read-only"), refused.body);
    }

    @Test
    void anotherCommunesPieceAnswersExactlyAsAMissingOne() {
        Answer other = call("b-bien-tap", new Route(HttpMethod.GET, "/api/pieces/{id}", false), approved.id() + "");
        Answer missing = call("b-bien-tap", new Route(HttpMethod.GET, "/api/pieces/{id}", false), "987654");
        assertEquals(404, other.status);
        assertEquals(missing.body.replace("987654", "ID"), other.body.replace(String.valueOf(approved.id()), "ID"));
    }

    @Test
    void anUnknownUnitIsAClientErrorNamingTheField() {
        Answer answer = call("b-bien-tap", new Route(HttpMethod.GET, "/api/calendar", false), "", Map.of("unit", "khong-co"));
        assertEquals(400, answer.status, answer.body);
        assertTrue(answer.body.contains("unit-unknown") && answer.body.contains("khong-co"), answer.body);
    }

    @Test
    void aGrantLetsAUserOfAnotherUnitActAndItsWithdrawalStopsThem() {
        Route archive = new Route(HttpMethod.POST, "/api/pieces/{id}/archive", false);
        Piece other = context.getBean(Pieces.class).create(article("Bài để thử quyền được giao"), "a-bien-tap");
        assertEquals(404, call("b-ca-hai", archive, other.id() + "").status);
        assertEquals(200, admin(HttpMethod.PUT, "/api/units/" + A + "/grants/b-ca-hai").status);
        assertEquals(200, call("b-ca-hai", archive, other.id() + "").status);
        assertEquals(204, admin(HttpMethod.DELETE, "/api/units/" + A + "/grants/b-ca-hai").status);
        assertEquals(404, call("b-ca-hai", new Route(HttpMethod.GET, "/api/pieces/{id}", false), other.id() + "").status);
    }

    // --- the walk

    private static List<Route> routes() {
        return context.getBean(Router.class).uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD && route.getHttpMethod() != HttpMethod.OPTIONS)
                .map(UnitIsolationTest::routeOf)
                .filter(route -> PUBLIC.stream().noneMatch(route.template()::startsWith))
                .distinct()
                .sorted(java.util.Comparator.comparing(Route::toString))
                .toList();
    }

    private static Route routeOf(UriRouteInfo<?, ?> info) {
        boolean form = info.getConsumes().contains(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                && !info.getConsumes().contains(MediaType.APPLICATION_JSON_TYPE);
        return new Route(info.getHttpMethod(), info.getUriMatchTemplate().toPathString(), form);
    }

    /** Every object of A a route's path could name. */
    private static List<String> pathValues(Route route) {
        String template = route.template();
        if (!template.contains("{")) {
            return List.of("");
        }
        if (template.contains("{code}") || template.contains("{subject}")) {
            return List.of(A);
        }
        if (template.startsWith("/api/channels") || template.startsWith("/channels")) {
            return channelsOfA.stream().map(Channel::id).toList();
        }
        return List.of(approved.id(), draft.id(), scheduled.id(), campaign.id(), fill.id()).stream()
                .map(String::valueOf).distinct().toList();
    }

    record Answer(int status, String body) {}

    private static Answer call(String user, Route route, String pathValue) {
        return call(user, route, pathValue, Map.of());
    }

    private static Answer call(String user, Route route, String pathValue, Map<String, String> extraQuery) {
        String path = VARIABLE.matcher(route.template()).replaceAll(match -> switch (match.group(1)) {
            case "scope" -> "unit";
            case "username" -> user;
            default -> Matcher.quoteReplacement(pathValue);
        });
        Map<String, String> query = new LinkedHashMap<>(Map.of("unit", A, "channel", channelsOfA.get(0).id(),
                "pieceId", String.valueOf(approved.id()), "period", "2027"));
        query.putAll(extraQuery);
        String queryString = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path + "?" + queryString))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user, PASSWORD))
                // pages answer HTML and the API JSON: a narrower Accept would stop page routes at 406, untested
                .header("Accept", "*/*");
        if (route.method() == HttpMethod.GET || route.method() == HttpMethod.DELETE) {
            request.method(route.method().name(), HttpRequest.BodyPublishers.noBody());
        } else if (route.form()) {
            request.header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED)
                    .method(route.method().name(), HttpRequest.BodyPublishers.ofString(formBody(user)));
        } else {
            request.header("Content-Type", MediaType.APPLICATION_JSON)
                    .method(route.method().name(), HttpRequest.BodyPublishers.ofString(jsonBody(), StandardCharsets.UTF_8));
        }
        return send(request.build());
    }

    /** Every field any JSON command takes, each naming A's objects. */
    private static String jsonBody() {
        String channels = channelsOfA.stream().map(c -> "\"" + c.id() + "\"").collect(Collectors.joining(","));
        return "{\"pieceId\":" + approved.id() + ",\"publicationId\":" + scheduled.id() + ",\"channelIds\":[" + channels + "],"
                + "\"channelId\":\"" + channelsOfA.get(0).id() + "\",\"plannedAt\":\"" + Instant.now().plus(Duration.ofDays(3)) + "\","
                + "\"unitCode\":\"" + A + "\",\"unit\":\"" + A + "\",\"revision\":" + approved.revision() + ","
                + "\"kind\":\"ARTICLE\",\"title\":\"Tiêu đề của B\",\"body\":\"<p>Nội dung</p>\",\"reason\":\"Lý do\","
                + "\"name\":\"Chiến dịch của B\",\"start\":\"" + LocalDate.now().plusDays(2) + "\",\"end\":\""
                + LocalDate.now().plusDays(9) + "\",\"cadence\":{\"EPORTAL\":\"weekly\"},\"confirm\":true,\"proposal\":"
                + fill.id() + ",\"proposalId\":" + fill.id() + "}";
    }

    /** The pages' forms, with the user's own form token so the form is taken and the unit rule alone decides. */
    private static String formBody(String user) {
        Authentication login = Authentication.build(user, List.of(), Map.of());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrfToken", context.getBean(FormTokens.class).tokenFor(login));
        fields.put("pieceId", String.valueOf(approved.id()));
        fields.put("publicationId", String.valueOf(scheduled.id()));
        fields.put("channelId", channelsOfA.get(0).id());
        fields.put("plannedAt", LocalDate.now().plusDays(3) + "T08:00");
        fields.put("date", LocalDate.now().plusDays(3).toString());
        fields.put("revision", String.valueOf(approved.revision()));
        fields.put("reason", "Lý do");
        fields.put("title", "Tiêu đề của B");
        fields.put("kind", "ARTICLE");
        fields.put("unitCode", A);
        fields.put("proposalId", String.valueOf(fill.id()));
        String channels = channelsOfA.stream().map(c -> "channelIds=" + c.id()).collect(Collectors.joining("&"));
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "&" + channels;
    }

    private static Answer admin(HttpMethod method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Authorization", basic("admin", vn.herald.TestUsers.ADMIN_PASSWORD))
                .header("Accept", "application/json")
                .method(method.name(), HttpRequest.BodyPublishers.noBody()).build();
        return send(request);
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- data

    /** What of A a change would show: every piece's status and revision, every publication's status and time, counts. */
    private static Map<String, Object> stateOfA() {
        Map<String, Object> state = new TreeMap<>();
        Pieces pieces = context.getBean(Pieces.class);
        for (Piece piece : pieces.list(new Pieces.Filter(A, null, null, null, null, null), io.micronaut.data.model.Pageable.from(0, 500)).getContent()) {
            state.put("piece " + piece.id(), piece.status() + " r" + piece.revision() + " " + piece.title());
        }
        for (Publication publication : context.getBean(Publishing.class).list(new Publishing.Filter(null, null, null, null, null),
                io.micronaut.data.model.Pageable.from(0, 500)).getContent()) {
            state.put("publication " + publication.id(), publication.status() + " " + publication.plannedAt() + " " + publication.channelId());
        }
        state.put("campaigns", context.getBean(Campaigns.class).list(null, null).stream().map(CampaignView::id).toList());
        state.put("fill", context.getBean(GapFiller.class).get(fill.id()).status());
        state.put("channels", context.getBean(Channels.class).list().stream().map(c -> c.id() + (c.paused() ? " paused" : "")).toList());
        state.put("grants", context.getBean(Units.class).grants(A).size());
        return state;
    }

    private static void user(Accounts accounts, String username, String unit, EnumSet<Role> roles) {
        accounts.create(new Accounts.AccountForm(username, username, PASSWORD, roles, unit, true));
    }

    private static PieceForm article(String title) {
        return new PieceForm(PieceKind.ARTICLE, A, title, "Tóm tắt " + title, "<p>Nội dung riêng của xã Hòa An.</p>", null,
                null, null, List.of("chuyen-doi-so"), List.of(), List.of("rieng-hoa-an"), null, null, null);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
