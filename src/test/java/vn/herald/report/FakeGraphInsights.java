package vn.herald.report;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Graph API's read side for several Pages, as documented: a Page node with {@code fan_count} and the
 * {@code page_follows} insight, and posts read many at a time with {@code ?ids=} (reactions and comments summaries,
 * shares, the {@code post_total_media_view_unique} lifetime insight). A post it does not know is left out of the answer.
 */
final class FakeGraphInsights implements AutoCloseable {

    /** What Facebook counts of a post. */
    record Post(long uniqueViewers, long reactions, long comments, long shares) {}

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Long> follows = new ConcurrentHashMap<>();
    private final Map<String, Post> posts = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    FakeGraphInsights() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                asked.add(request.getRequestUrl().toString());
                String ids = request.getRequestUrl().queryParameter("ids");
                return ids == null ? page(request.getRequestUrl().pathSegments().get(1)) : posts(ids.split(","));
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return server.url("/").toString();
    }

    void page(String pageId, long followers) {
        follows.put(pageId, followers);
    }

    void post(String postId, Post counted) {
        posts.put(postId, counted);
    }

    /** Every address asked, for checking that no deprecated metric was. */
    List<String> asked() {
        return asked;
    }

    private MockResponse page(String pageId) {
        Long followers = follows.get(pageId);
        if (followers == null) {
            return answer(400, "{\"error\":{\"message\":\"Unsupported get request.\",\"type\":\"GraphMethodException\","
                    + "\"code\":100,\"error_subcode\":33,\"fbtrace_id\":\"Ab1\"}}");
        }
        return answer(200, "{\"fan_count\":" + (followers + 40) + ",\"insights\":{\"data\":[{\"name\":\"page_follows\","
                + "\"period\":\"day\",\"values\":[{\"value\":" + followers + ",\"end_time\":\"2027-05-13T07:00:00+0000\"}],"
                + "\"title\":\"Lượt theo dõi\",\"id\":\"" + pageId + "/insights/page_follows/day\"}],\"paging\":{}},\"id\":\""
                + pageId + "\"}");
    }

    private MockResponse posts(String[] ids) {
        StringBuilder body = new StringBuilder("{");
        for (String id : ids) {
            Post post = posts.get(id);
            if (post == null) {
                continue;
            }
            body.append(body.length() == 1 ? "" : ",").append('"').append(id).append("\":{")
                    .append("\"reactions\":{\"data\":[],\"summary\":{\"total_count\":").append(post.reactions()).append("}},")
                    .append("\"comments\":{\"data\":[],\"summary\":{\"order\":\"ranked\",\"total_count\":").append(post.comments()).append("}},")
                    .append("\"shares\":{\"count\":").append(post.shares()).append("},")
                    .append("\"insights\":{\"data\":[{\"name\":\"post_total_media_view_unique\",\"period\":\"lifetime\",")
                    .append("\"values\":[{\"value\":").append(post.uniqueViewers()).append("}],\"id\":\"").append(id)
                    .append("/insights/post_total_media_view_unique/lifetime\"}]},\"id\":\"").append(id).append("\"}");
        }
        return answer(200, body.append('}').toString());
    }

    private static MockResponse answer(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
