package vn.herald.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.model.Pageable;
import io.micronaut.runtime.server.EmbeddedServer;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Publishing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The portal's {@code /portal/rss.xml} under load: the seed library's articles published on the built-in portal,
 * then {@code clients} concurrent readers for {@code seconds}, first fetching the whole feed every time, then asking
 * with {@code If-None-Match} (a feed reader that polls). Not a test; run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) vn.herald.bench.FeedBenchmark [clients] [seconds] [runs]}.
 */
public final class FeedBenchmark {

    private FeedBenchmark() {}

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Summary full = new Summary("full feed, requests per second", "/s");
        Summary fullP99 = new Summary("full feed, p99", "ms");
        Summary conditional = new Summary("conditional (304), requests per second", "/s");
        Summary conditionalP99 = new Summary("conditional (304), p99", "ms");
        try (ApplicationContext context = start()) {
            URI feed = URI.create("http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort() + "/portal/rss.xml");
            String etag = HttpClient.newHttpClient().send(HttpRequest.newBuilder(feed).build(), HttpResponse.BodyHandlers.ofString())
                    .headers().firstValue("ETag").orElseThrow();
            HttpLoad.run(clients, Duration.ofSeconds(3), () -> HttpLoad.get(feed)); // warm-up
            for (int i = 0; i < runs; i++) {
                HttpLoad.Result plain = HttpLoad.run(clients, Duration.ofSeconds(seconds), () -> HttpLoad.get(feed));
                HttpLoad.Result cached = HttpLoad.run(clients, Duration.ofSeconds(seconds),
                        () -> HttpLoad.get(feed, "If-None-Match", etag));
                System.out.println("run " + (i + 1) + " full: " + plain);
                System.out.println("run " + (i + 1) + " conditional: " + cached);
                full.add(plain.perSecond());
                fullP99.add(plain.p99Micros() / 1000.0);
                conditional.add(cached.perSecond());
                conditionalP99.add(cached.p99Micros() / 1000.0);
            }
        }
        System.out.println("RESULT " + full);
        System.out.println("RESULT " + fullP99);
        System.out.println("RESULT " + conditional);
        System.out.println("RESULT " + conditionalP99);
        System.exit(0);
    }

    /** The service on the seed library, every approved article published on the built-in portal. */
    static ApplicationContext start() throws java.io.IOException {
        Path data = Files.createTempDirectory("herald-feed-bench");
        ApplicationContext context = ApplicationContext.run(Map.of(
                "herald.data-dir", data.toString(),
                "herald.publishing.scheduler-enabled", "false",
                "micronaut.server.port", "-1",
                "datasources.default.url", "jdbc:h2:file:" + data.resolve("db/herald")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"));
        context.getBean(EmbeddedServer.class).start();
        Publishing publishing = context.getBean(Publishing.class);
        Dispatcher dispatcher = context.getBean(Dispatcher.class);
        List<Piece> articles = context.getBean(Pieces.class).list(new Pieces.Filter(null, PieceKind.ARTICLE, PieceStatus.APPROVED,
                null, null, null), Pageable.from(0, 100)).getContent();
        for (Piece article : articles) {
            Publication publication = publishing.schedule(article.id(), List.of("eportal"),
                    context.getBean(Clock.class).instant(), "bench").get(0);
            dispatcher.dispatch(publication.id());
        }
        return context;
    }
}
