package vn.herald.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import vn.herald.Postgres;
import vn.herald.TestUsers;
import vn.herald.report.ProvinceData;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /api/calendar} for one month under {@code clients} concurrent API clients (HTTP Basic, as scripts and
 * integrations call it), with a year of publishing for one commune: four channels, about twelve publications a week.
 * The load generator runs in the same JVM as the service, so both share the machine's cores. Not a test; run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) vn.herald.bench.CalendarBenchmark [h2|postgres] [clients] [seconds] [runs]}.
 * With {@code serve} as the second argument it only starts the service with that year and prints the URL and the
 * header to send, for an outside load generator such as wrk; stop it with Ctrl-C.
 */
public final class CalendarBenchmark {

    static final String UNIT = "xa-mau-1";
    static final String MONTH = "/api/calendar?unit=" + UNIT + "&from=2027-06-01&to=2027-06-30";

    private CalendarBenchmark() {}

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        if (args.length > 1 && args[1].equals("serve")) {
            ApplicationContext context = start(database);
            System.out.println("SERVING http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort() + MONTH);
            System.out.println("HEADER Authorization: " + request(URI.create("http://127.0.0.1/")).headers().firstValue("Authorization").orElseThrow());
            Thread.currentThread().join();
        }
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Summary rate = new Summary(database + " calendar month, " + clients + " clients, requests per second", "/s");
        Summary p99 = new Summary(database + " calendar month, " + clients + " clients, p99", "ms");
        Summary cpu = new Summary(database + " calendar month, CPU of the JVM (service and load generator) per request", "ms");
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (ApplicationContext context = start(database)) {
            URI month = URI.create("http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort() + MONTH);
            HttpLoad.run(clients, Duration.ofSeconds(20), () -> request(month)); // warm-up: class loading and the JIT (C2 needs thousands of calls)
            for (int i = 0; i < runs; i++) {
                long cpuBefore = os.getProcessCpuTime();
                HttpLoad.Result result = HttpLoad.run(clients, Duration.ofSeconds(seconds), () -> request(month));
                double cpuPerRequest = (os.getProcessCpuTime() - cpuBefore) / 1e6 / Math.max(1, result.requests());
                System.out.printf(java.util.Locale.ROOT, "run %d: %s, %.2f ms CPU per request%n", i + 1, result, cpuPerRequest);
                cpu.add(cpuPerRequest);
                rate.add(result.perSecond());
                p99.add(result.p99Micros() / 1000.0);
            }
        }
        System.out.println("RESULT " + rate);
        System.out.println("RESULT " + p99);
        System.out.println("RESULT " + cpu);
        System.exit(0);
    }

    /** The service on an H2 file database (its default) or a fresh PostgreSQL database, with a year for one commune. */
    static ApplicationContext start(String database) throws java.io.IOException {
        Path data = Files.createTempDirectory("herald-calendar-bench");
        Map<String, Object> properties = new HashMap<>(database.equals("postgres") ? Postgres.freshDatabase()
                : Map.of("datasources.default.url", "jdbc:h2:file:" + data.resolve("db/herald")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"));
        properties.put("herald.data-dir", data.toString());
        properties.put("herald.publishing.scheduler-enabled", "false");
        properties.put("herald.clock.start", "2027-06-10T08:00:00+07:00");
        ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, properties, "test").getApplicationContext();
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        int written = ProvinceData.generate(transactions, 1, LocalDate.parse("2026-12-28"), 52);
        System.out.println("wrote " + written + " publications for " + UNIT);
        return context;
    }

    static HttpRequest request(URI uri) {
        String credentials = "admin:" + TestUsers.ADMIN_PASSWORD;
        return HttpLoad.get(uri, "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
}
