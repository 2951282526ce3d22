package vn.herald.content;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;

/**
 * Identifies an upload by its first bytes, never by its file name: a script renamed to
 * {@code .png} must not become an image.
 */
@Singleton
public final class MediaCheck {

    private final Tika tika = new Tika();

    /** @param head the start of the file; a few kilobytes are enough */
    public Optional<AssetType> detect(byte[] head) {
        if (head == null || head.length == 0) {
            return Optional.empty();
        }
        // Tika reads a WebVTT file as plain text: the signature on its first line is what names it
        if (Captions.looksLikeWebVtt(head)) {
            return Optional.of(AssetType.VTT);
        }
        MediaType detected = MediaType.parse(tika.detect(head));
        if (detected == null) {
            return Optional.empty();
        }
        String baseType = detected.getBaseType().toString();
        return Arrays.stream(AssetType.values()).filter(type -> type.isNamed(baseType)).findFirst();
    }

    /** An image's width and height in pixels, as its header declares them. */
    public record Size(long width, long height) {
        public long pixels() {
            return width * height;
        }
    }

    /**
     * The size an image declares in its header, read without decoding a single pixel: a 10 KB PNG may declare
     * 50000 x 50000, and decoding it would take 10 GB. Empty when the header cannot be read.
     */
    public Optional<Size> size(Path file, AssetType type) {
        try {
            return type == AssetType.WEBP ? webpSize(file) : imageIoSize(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Size> imageIoSize(Path file) throws IOException {
        // a memory-cached stream over the file's bytes: no ImageIO stream provider or disk cache to look up, and only
        // the header is read
        try (InputStream bytes = Files.newInputStream(file); ImageInputStream in = new MemoryCacheImageInputStream(bytes)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new Size(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        }
    }

    /** The JDK has no WebP reader: the canvas size sits at fixed places of the first chunk (VP8, VP8L or VP8X). */
    private static Optional<Size> webpSize(Path file) throws IOException {
        byte[] h = new byte[30];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(h, 0, h.length) < h.length) {
                return Optional.empty();
            }
        }
        String chunk = new String(h, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8X" -> Optional.of(new Size(1 + u24(h, 24), 1 + u24(h, 27)));
            case "VP8L" -> {
                long bits = (h[21] & 0xFFL) | (h[22] & 0xFFL) << 8 | (h[23] & 0xFFL) << 16 | (h[24] & 0xFFL) << 24;
                yield Optional.of(new Size(1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)));
            }
            case "VP8 " -> Optional.of(new Size(u16(h, 26) & 0x3FFF, u16(h, 28) & 0x3FFF));
            default -> Optional.empty();
        };
    }

    private static long u24(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16;
    }

    private static long u16(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8;
    }
}
