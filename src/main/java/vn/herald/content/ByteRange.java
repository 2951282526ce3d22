package vn.herald.content;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One satisfiable byte range of a stored file, from a request's {@code Range} header: what a browser asks for to seek
 * in a video or a recording. Several ranges, other units, a malformed header or a range past the end give nothing, and
 * the whole file is served, as RFC 9110 lets a server ignore a Range it does not take.
 *
 * @param first the first byte, counted from 0
 * @param last  the last byte, inclusive
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    public static Optional<ByteRange> of(@Nullable String header, long size) {
        if (header == null || size <= 0) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty()) || m.group(1).length() > 18
                || m.group(2).length() > 18) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            return suffix == 0 ? Optional.empty() : Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        return first >= size || last < first ? Optional.empty() : Optional.of(new ByteRange(first, last));
    }

    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value of this range of a file of {@code size} bytes. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
