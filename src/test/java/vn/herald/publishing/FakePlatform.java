package vn.herald.publishing;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A platform on loopback: {@code POST /posts} with {@code {"ref": "...", "text": "..."}} publishes and answers
 * {@code {"id","url"}}; {@code GET /posts} lists what it has, for reconciliation. Scripted answers come first.
 */
public class FakePlatform implements AutoCloseable {

    public enum Answer { OK, SERVER_ERROR, RATE_LIMITED, UNAUTHORIZED, REJECTED, ACCEPT_THEN_HANG, DROP }

    private static final Pattern REF = Pattern.compile("\"ref\"\\s*:\\s*\"([^\"]+)\"");

    private final MockWebServer server = new MockWebServer();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> posted = new ConcurrentHashMap<>();
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    private final AtomicInteger postRequests = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile long delayMillis;
    private volatile java.util.List<Answer> outage = java.util.List.of();

    public FakePlatform() {
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public void then(Answer... answers) {
        script.addAll(java.util.List.of(answers));
    }

    /** Until {@link #heal}, every post is answered with these answers in turn: an outage of the platform. */
    public void outage(Answer... answers) {
        outage = java.util.List.of(answers);
    }

    public void heal() {
        outage = java.util.List.of();
    }

    /** Drops scripted answers not used by an earlier test. */
    public void forgetScript() {
        script.clear();
    }

    /** Every successful answer, and a refused token, waits this long: a slow platform. */
    public void delay(long millis) {
        delayMillis = millis;
    }

    /** How many times the post for this reference was published. */
    public int timesPosted(String ref) {
        AtomicInteger count = posted.get(ref);
        return count == null ? 0 : count.get();
    }

    public Map<String, AtomicInteger> posts() {
        return posted;
    }

    public int postRequests() {
        return postRequests.get();
    }

    private MockResponse answer(RecordedRequest request) {
        if ("GET".equals(request.getMethod()) && request.getPath() != null && request.getPath().startsWith("/posts")) {
            StringBuilder list = new StringBuilder("{\"data\":[");
            ids.forEach((ref, id) -> list.append(list.charAt(list.length() - 1) == '[' ? "" : ",")
                    .append("{\"id\":\"").append(id).append("\",\"ref\":\"").append(ref).append("\"}"));
            return json(200, list.append("]}").toString());
        }
        int number = postRequests.incrementAndGet();
        java.util.List<Answer> failing = outage;
        Answer answer = failing.isEmpty() ? script.poll() : failing.get(number % failing.size());
        if (answer == null) {
            answer = Answer.OK;
        }
        String body = request.getBody().readUtf8();
        Matcher ref = REF.matcher(body);
        String reference = ref.find() ? ref.group(1) : "?";
        return switch (answer) {
            case OK -> publish(reference).setBodyDelay(delayMillis, TimeUnit.MILLISECONDS);
            case SERVER_ERROR -> json(500, "{\"error\":\"temporarily unavailable\"}");
            case RATE_LIMITED -> json(429, "{\"error\":\"slow down\"}").setHeader("Retry-After", "120");
            case UNAUTHORIZED -> json(401, "{\"error\":\"token expired\"}").setBodyDelay(delayMillis, TimeUnit.MILLISECONDS);
            case REJECTED -> json(400, "{\"error\":\"message too long\"}");
            case ACCEPT_THEN_HANG -> publish(reference).setSocketPolicy(SocketPolicy.NO_RESPONSE);
            case DROP -> new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
        };
    }

    private MockResponse publish(String reference) {
        posted.computeIfAbsent(reference, r -> new AtomicInteger()).incrementAndGet();
        String id = "post-" + sequence.incrementAndGet();
        ids.putIfAbsent(reference, id);
        return json(200, "{\"id\":\"" + id + "\",\"url\":\"" + baseUrl() + "/posts/" + id + "\"}");
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    /**
     * MockWebServer writes headers and body separately; with Nagle's algorithm on its sockets every answer waits
     * for a delayed ACK (about 40 ms), which would make the fake, not the dispatcher, the bottleneck.
     */
    private static final class NoDelayServerSockets extends javax.net.ServerSocketFactory {
        @Override
        public java.net.ServerSocket createServerSocket() throws IOException {
            return new java.net.ServerSocket() {
                @Override
                public java.net.Socket accept() throws IOException {
                    java.net.Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port) throws IOException {
            return createServerSocket(port, 50, null);
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return createServerSocket(port, backlog, null);
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address) throws IOException {
            java.net.ServerSocket socket = createServerSocket();
            socket.bind(new java.net.InetSocketAddress(address, port), backlog);
            return socket;
        }
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
