package vn.herald.exposure;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.types.files.SystemFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored file served with byte ranges (RFC 9110 §14): players of recordings and podcast apps seek and resume
 * with {@code Range}. One range per request; a request for several ranges, or one that cannot be read, gets the whole
 * file, which the RFC allows. A file is named by its content hash, so its ETag is that hash and never changes.
 */
public final class RangedFiles {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private RangedFiles() {
    }

    /**
     * @param sha256 the file's content hash: its entity tag, for conditional requests and {@code If-Range}
     */
    public static MutableHttpResponse<?> answer(HttpRequest<?> request, Path file, String mediaType, String sha256) {
        String etag = "\"" + sha256 + "\"";
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MutableHttpResponse<?> response = answerFor(request, file, mediaType, etag, size);
        response.header(HttpHeaders.ACCEPT_RANGES, "bytes").header(HttpHeaders.ETAG, etag);
        return ContentPolicy.storedFile(response, mediaType);
    }

    private static MutableHttpResponse<?> answerFor(HttpRequest<?> request, Path file, String mediaType, String etag,
                                                    long size) {
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).anyMatch(tag -> tag.equals(etag) || tag.equals("*"))) {
            return HttpResponse.status(HttpStatus.NOT_MODIFIED);
        }
        String ifRange = request.getHeaders().get("If-Range");
        Optional<long[]> range = Optional.ofNullable(request.getHeaders().get(HttpHeaders.RANGE))
                .filter(r -> ifRange == null || ifRange.strip().equals(etag))
                .flatMap(r -> range(r.strip(), size));
        if (range.isEmpty()) {
            return HttpResponse.ok(new SystemFile(file.toFile(), MediaType.of(mediaType)));
        }
        long[] bytes = range.get();
        if (bytes.length == 0) {
            // a well-formed range wholly past the end: 416, with the size the client should have asked within
            return HttpResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + size)
                    .contentType(MediaType.of("application/problem+json"))
                    .body(Map.of("type", "about:blank", "status", 416, "code", "range-not-satisfiable",
                            "title", "Khoảng dữ liệu không có trong tệp",
                            "detail", "Tệp chỉ dài " + size + " byte; hãy yêu cầu một khoảng nằm trong tệp."));
        }
        return HttpResponse.status(HttpStatus.PARTIAL_CONTENT)
                .header(HttpHeaders.CONTENT_RANGE, "bytes " + bytes[0] + "-" + bytes[1] + "/" + size)
                .contentType(MediaType.of(mediaType))
                .body(read(file, bytes[0], bytes[1]));
    }

    /**
     * The first and last byte asked for, clipped to the file; an empty array when no byte of the file is asked for;
     * nothing when the header is not one range this method understands (then the whole file is the answer).
     */
    static Optional<long[]> range(String header, long size) {
        Matcher matcher = RANGE.matcher(header);
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (matcher.group(1).isEmpty()) {
                long suffix = Long.parseLong(matcher.group(2));
                return Optional.of(suffix == 0 || size == 0 ? new long[0] : new long[] {Math.max(0, size - suffix), size - 1});
            }
            long first = Long.parseLong(matcher.group(1));
            long last = matcher.group(2).isEmpty() ? size - 1 : Long.parseLong(matcher.group(2));
            if (last < first) {
                return Optional.empty();
            }
            return Optional.of(first >= size ? new long[0] : new long[] {first, Math.min(last, size - 1)});
        } catch (NumberFormatException e) {
            // more digits than a long holds: not a range worth honouring
            return Optional.empty();
        }
    }

    private static byte[] read(Path file, long first, long last) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(last - first + 1));
            while (buffer.hasRemaining() && channel.read(buffer, first + buffer.position()) >= 0) {
                // FileChannel may read fewer bytes than asked; the loop reads on from where it stopped
            }
            return buffer.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
