package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.herald.support.Refusal;
import vn.herald.exposure.ContentPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Serves stored files by hash; public, because the portal and the platforms fetch them. A {@code Range} request gets
 * that part of the file (206), so a video or a recording can be seeked without downloading it whole.
 */
@Controller("/assets")
@Secured(SecurityRule.IS_ANONYMOUS)
class AssetController {

    private final Assets assets;

    AssetController(Assets assets) {
        this.assets = assets;
    }

    @Get("/{sha256}")
    HttpResponse<FileCustomizableResponseType> get(String sha256, @Nullable @Header(HttpHeaders.RANGE) String range) {
        Asset asset = assets.findBySha256(sha256).orElseThrow(() -> Refusal.notFound(Refusal.Noun.FILE, sha256));
        Path file = assets.fileOf(asset);
        MediaType type = MediaType.of(asset.mediaType());
        Optional<ByteRange> part = ByteRange.of(range, asset.sizeBytes());
        MutableHttpResponse<FileCustomizableResponseType> response;
        if (part.isPresent()) {
            ByteRange bytes = part.get();
            response = HttpResponse.<FileCustomizableResponseType>status(HttpStatus.PARTIAL_CONTENT)
                    .body((FileCustomizableResponseType) new StreamedFile(open(file, bytes), type,
                            asset.createdAt().toEpochMilli(), bytes.length()))
                    .header(HttpHeaders.CONTENT_RANGE, bytes.contentRange(asset.sizeBytes()));
        } else {
            response = HttpResponse.ok((FileCustomizableResponseType) new SystemFile(file.toFile(), type));
        }
        return ContentPolicy.storedFile(response, asset.mediaType())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header("Cache-Control", "public, max-age=31536000, immutable");
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
