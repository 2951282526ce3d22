package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.http.server.types.files.SystemFile;
import vn.herald.exposure.ContentPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A stored file as an answer: the part a {@code Range} request asks for (206 with {@code Content-Range}), else the
 * whole file, always with {@code Accept-Ranges: bytes}, so a browser can seek in a video or a recording without
 * downloading it whole.
 */
public final class RangedFiles {

    private RangedFiles() {
    }

    public static MutableHttpResponse<FileCustomizableResponseType> response(Path file, String mediaType, long size,
                                                                             @Nullable String range) {
        MediaType type = MediaType.of(mediaType);
        Optional<ByteRange> part = ByteRange.of(range, size);
        MutableHttpResponse<FileCustomizableResponseType> response;
        if (part.isPresent()) {
            ByteRange bytes = part.get();
            response = HttpResponse.<FileCustomizableResponseType>status(HttpStatus.PARTIAL_CONTENT)
                    .body((FileCustomizableResponseType) new StreamedFile(open(file, bytes), type, lastModified(file),
                            bytes.length()))
                    .header(HttpHeaders.CONTENT_RANGE, bytes.contentRange(size));
        } else {
            response = HttpResponse.ok((FileCustomizableResponseType) new SystemFile(file.toFile(), type));
        }
        return ContentPolicy.storedFile(response, mediaType).header(HttpHeaders.ACCEPT_RANGES, "bytes");
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(Path file, ByteRange bytes) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(bytes.first());
            return new BoundedInput(in, bytes.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's bytes up to the end of the range, and no further. */
    private static final class BoundedInput extends java.io.FilterInputStream {
        private long left;

        BoundedInput(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
