package vn.herald.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Start-up: from launching {@code java vn.herald.Application} on a fresh data folder with the seed {@code content/}
 * and {@code channels/} (the first start, which imports the library and migrates an empty H2 file database) to the
 * first {@code /health} answering UP, and the process's resident memory right then. Not a test; run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) vn.herald.bench.StartupBenchmark [runs]}.
 * {@code -Dbench.restart=true} times later starts on one data folder instead (migrated, library imported, admin made:
 * a restart); {@code -Dbench.jvm="..."} passes options to the service's JVM; {@code -Dbench.command=./herald} starts
 * the service with that command instead (the README's: the packaged jar with its class-data-sharing archive), from the
 * project folder.
 */
public final class StartupBenchmark {

    /**
     * One start: milliseconds to healthy, resident memory in MiB, and the CPU time the process had used by then
     * (user and system, all threads): on a loaded machine the CPU time says what the start costs, the wall time
     * what the machine had to spare.
     */
    public record Start(long millis, long residentMiB, long cpuMillis) {}

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Summary toHealthy = new Summary("start to first healthy /health", "ms");
        Summary memory = new Summary("resident memory when healthy", "MiB");
        Summary cpu = new Summary("CPU time used by then", "ms");
        boolean restart = Boolean.getBoolean("bench.restart");
        Path project = Path.of("").toAbsolutePath();
        Path shared = restart ? Files.createTempDirectory("herald-startup") : null;
        if (restart) {
            System.out.println("first start, not counted: " + once(project, shared));
        }
        for (int i = 0; i < runs; i++) {
            Start start = once(project, restart ? shared : Files.createTempDirectory("herald-startup"));
            System.out.println("run " + (i + 1) + ": " + start);
            toHealthy.add(start.millis());
            memory.add(start.residentMiB());
            cpu.add(start.cpuMillis());
        }
        System.out.println("RESULT " + toHealthy);
        System.out.println("RESULT " + memory);
        System.out.println("RESULT " + cpu);
    }

    /** Starts the service from {@code project} (its content/ and channels/) on a fresh data folder, then stops it. */
    public static Start once(Path project) throws IOException, InterruptedException {
        return once(project, Files.createTempDirectory("herald-startup"));
    }

    private static Start once(Path project, Path data) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String launcher = System.getProperty("bench.command", "").strip();
        List<String> command = new ArrayList<>();
        if (launcher.isEmpty()) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String options = System.getProperty("bench.jvm", "").strip();
            if (!options.isEmpty()) {
                command.addAll(List.of(options.split("\\s+")));
            }
            command.addAll(List.of("-cp", serviceClassPath(), "vn.herald.Application"));
        } else {
            command.addAll(List.of(launcher.split("\\s+")));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(data.resolve("herald.log").toFile());
        builder.environment().putAll(Map.of(
                "MICRONAUT_SERVER_PORT", String.valueOf(port),
                "HERALD_DATA_DIR", data.toString(),
                "HERALD_CONTENT_DIR", project.resolve("content").toString(),
                "HERALD_CHANNELS_DIR", project.resolve("channels").toString(),
                "HERALD_ADMIN_PASSWORD", "startup-benchmark-password"));
        long launched = System.nanoTime();
        Process process = builder.start();
        try {
            URI health = URI.create("http://127.0.0.1:" + port + "/health");
            long deadline = launched + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Herald exited with " + process.exitValue() + "; log: "
                            + Files.readString(data.resolve("herald.log")));
                }
                if (healthy(health)) {
                    long millis = (System.nanoTime() - launched) / 1_000_000;
                    return new Start(millis, residentMiB(process.pid()), cpuMillis(process.pid()));
                }
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
            throw new IllegalStateException("no healthy /health within five minutes; log in " + data);
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** This JVM's class path without the test classes, whose beans and logging set-up the service never has. */
    private static String serviceClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static boolean healthy(URI health) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** utime + stime from /proc/<pid>/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux). */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static long residentMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
