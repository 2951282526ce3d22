package vn.herald.report;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import vn.herald.Postgres;
import vn.herald.TestUsers;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A province of N communes with a year of publishing each: how long the overview and one commune's report take to
 * answer over HTTP, in every format. Not a test; run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) vn.herald.report.ReportBenchmark <h2|postgres> 100 52 5}
 * (database, communes, weeks, repetitions). ReportBenchmarkSmokeTest runs it small in every build.
 */
public final class ReportBenchmark {

    /** Per request: the fastest, median and slowest of the repetitions. */
    record Figure(String request, Duration min, Duration median, Duration max) {
        @Override
        public String toString() {
            return String.format("%-60s min %5d ms  median %5d ms  max %5d ms", request, min.toMillis(), median.toMillis(), max.toMillis());
        }
    }

    private ReportBenchmark() {}

    public static void main(String[] args) {
        String database = args.length > 0 ? args[0] : "h2";
        int communes = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int weeks = args.length > 2 ? Integer.parseInt(args[2]) : 52;
        int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Map<String, String> settings = database.equals("postgres") ? Postgres.freshDatabase()
                : Map.of("datasources.default.url", "jdbc:h2:mem:reports;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        for (Figure figure : run(settings, communes, weeks, repetitions)) {
            System.out.println("RESULT " + database + " " + communes + " communes x " + weeks + " weeks: " + figure);
        }
        System.exit(0);
    }

    static List<Figure> run(Map<String, String> settings, int communes, int weeks, int repetitions) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("herald.publishing.scheduler-enabled", "false");
        properties.put("herald.clock.start", "2027-12-20T08:00:00+07:00");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             HttpClient http = HttpClient.create(server.getURL(), patient())) {
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> transactions = server.getApplicationContext().getBean(TransactionOperations.class);
            long started = System.nanoTime();
            int written = ProvinceData.generate(transactions, communes, LocalDate.parse("2026-12-14"), weeks);
            System.out.printf("wrote %d publications for %d communes in %d ms%n", written, communes, (System.nanoTime() - started) / 1_000_000);

            Map<String, String> requests = new LinkedHashMap<>();
            String overview = "/api/overview?unit=" + ProvinceData.PROVINCE + "&period=2027&sort=compliance";
            String report = "/api/reports?unit=xa-mau-1&period=2027";
            requests.put("overview JSON", overview);
            requests.put("overview CSV", overview + "&format=csv");
            requests.put("overview DOCX", overview + "&format=docx");
            requests.put("commune year report JSON", report);
            requests.put("commune year report HTML", report + "&format=html");
            requests.put("commune year report DOCX", report + "&format=docx");
            List<Figure> figures = new ArrayList<>();
            for (Map.Entry<String, String> request : requests.entrySet()) {
                // one untimed call first: class loading and the JIT are start-up costs, not a report's
                call(http, request.getValue());
                List<Duration> times = new ArrayList<>();
                for (int i = 0; i < repetitions; i++) {
                    long start = System.nanoTime();
                    call(http, request.getValue());
                    times.add(Duration.ofNanos(System.nanoTime() - start));
                }
                times.sort(null);
                figures.add(new Figure(request.getKey(), times.get(0), times.get(times.size() / 2), times.get(times.size() - 1)));
            }
            return figures;
        }
    }

    private static HttpClientConfiguration patient() {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        // a slow answer is a figure to record, not a failure
        configuration.setReadTimeout(Duration.ofMinutes(5));
        return configuration;
    }

    private static void call(HttpClient http, String uri) {
        byte[] body = http.toBlocking().retrieve(HttpRequest.GET(uri).basicAuth("admin", TestUsers.ADMIN_PASSWORD), byte[].class);
        if (body.length == 0) {
            throw new IllegalStateException(uri + " answered nothing");
        }
    }
}
