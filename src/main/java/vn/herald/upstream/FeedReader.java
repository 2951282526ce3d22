package vn.herald.upstream;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Downloads a feed over OkHttp (timeouts, a size limit) and reads its entries with Rome (RSS 0.9x-2.0, Atom). */
@Singleton
class FeedReader {

    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

    private static final int MAX_REDIRECTS = 5;

    private final OkHttpClient http;
    private final OkHttpClient publicOnly;
    private final PublicAddresses addresses;
    private final UpstreamConfig config;

    @Inject
    FeedReader(UpstreamConfig config) {
        this(config, PublicAddresses::isPublic);
    }

    FeedReader(UpstreamConfig config, Predicate<InetAddress> isPublic) {
        this.config = config;
        this.addresses = new PublicAddresses(isPublic);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .callTimeout(config.callTimeout())
                // followed here, one hop at a time, so that every address a redirect leads to is checked
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.publicOnly = http.newBuilder().dns(addresses).build();
    }

    /**
     * The feed's entries, newest first, at most {@code maxItemsPerFeed}. Unless {@code allowPrivateAddresses}, a URL
     * or redirect leading into the server's own networks (loopback, private, link-local) is refused.
     */
    List<FeedItem> read(String url, boolean allowPrivateAddresses) throws FeedProblem {
        OkHttpClient client = allowPrivateAddresses ? http : publicOnly;
        Request request = new Request.Builder().url(url).get()
                .header("Accept", ACCEPT)
                .header("User-Agent", "Herald (upstream feed reader)")
                .build();
        byte[] bytes;
        String contentType;
        try (Response response = follow(client, request, allowPrivateAddresses)) {
            if (!response.isSuccessful()) {
                throw new FeedProblem("máy chủ nguồn trả lời HTTP " + response.code() + " cho " + url);
            }
            ResponseBody body = response.body();
            if (body == null) {
                throw new FeedProblem("máy chủ nguồn trả lời không có nội dung cho " + url);
            }
            contentType = response.header("Content-Type");
            bytes = limited(body);
        } catch (PublicAddresses.Refused e) {
            throw new FeedProblem("địa chỉ " + e.host + " dẫn vào mạng nội bộ của máy chủ (" + e.address + "): Herald chỉ đọc"
                    + " nguồn tin trên Internet; nếu nguồn này đúng là ở trong mạng nội bộ, ghi thêm"
                    + " 'allowPrivateAddresses: true' cho nguồn này trong tệp kênh");
        } catch (UnknownHostException e) {
            throw new FeedProblem("không tìm thấy máy chủ " + request.url().host() + ": kiểm tra địa chỉ nguồn tin");
        } catch (InterruptedIOException e) {
            throw new FeedProblem("máy chủ nguồn không trả lời kịp (quá " + config.callTimeout().toSeconds() + " giây hoặc ngắt giữa chừng)");
        } catch (IOException e) {
            throw new FeedProblem("không tải được nguồn tin: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            // a DOCTYPE is how XML entity attacks arrive; no real feed needs one
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(bytes), contentType, true));
        } catch (FeedException | IllegalArgumentException | IOException e) {
            throw new FeedProblem("nội dung không phải RSS hay Atom hợp lệ: " + firstLine(e.getMessage()));
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(itemOf(entry));
        }
        // feeds list newest first by habit, not by rule: sort, keeping the order of entries without a date
        List<FeedItem> newestFirst = new ArrayList<>(items);
        newestFirst.sort(Comparator.comparing(FeedItem::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return newestFirst.subList(0, Math.min(newestFirst.size(), config.maxItemsPerFeed()));
    }

    /** The answer at the end of the redirects, each hop's host checked before it is asked. */
    private Response follow(OkHttpClient client, Request first, boolean allowPrivateAddresses)
            throws IOException, FeedProblem {
        Request request = first;
        for (int hop = 0; ; hop++) {
            if (!allowPrivateAddresses) {
                addresses.checkLiteral(request.url().host());
            }
            Response response = client.newCall(request).execute();
            String location = response.isRedirect() ? response.header("Location") : null;
            if (location == null) {
                return response;
            }
            response.close();
            HttpUrl next = request.url().resolve(location);
            if (next == null) {
                throw new FeedProblem("máy chủ nguồn chuyển hướng tới một địa chỉ không đọc được: " + location);
            }
            if (hop == MAX_REDIRECTS) {
                throw new FeedProblem("máy chủ nguồn chuyển hướng quá " + MAX_REDIRECTS + " lần, lần cuối tới " + next);
            }
            request = request.newBuilder().url(next).build();
        }
    }

    private byte[] limited(ResponseBody body) throws IOException, FeedProblem {
        long limit = config.maxBytes();
        if (body.contentLength() > limit) {
            throw new FeedProblem("nguồn tin lớn " + body.contentLength() + " byte, quá giới hạn " + limit + " byte");
        }
        try (InputStream in = body.byteStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (out.size() + n > limit) {
                    throw new FeedProblem("nguồn tin lớn hơn giới hạn " + limit + " byte");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static FeedItem itemOf(SyndEntry entry) {
        String link = blankToNull(entry.getLink());
        if (link == null && entry.getLinks() != null && !entry.getLinks().isEmpty()) {
            link = blankToNull(entry.getLinks().get(0).getHref());
        }
        String content = entry.getContents() == null ? null : entry.getContents().stream()
                .map(SyndContent::getValue).filter(value -> value != null && !value.isBlank())
                .reduce((a, b) -> a + "\n" + b).orElse(null);
        String description = entry.getDescription() == null ? null : blankToNull(entry.getDescription().getValue());
        Date published = Optional.ofNullable(entry.getPublishedDate()).orElse(entry.getUpdatedDate());
        return new FeedItem(blankToNull(entry.getUri()), link, entry.getTitle() == null ? "" : entry.getTitle().strip(),
                content, description, published == null ? null : published.toInstant());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "không rõ lỗi";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
