package vn.herald.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaCheckTest {

    private final MediaCheck check = new MediaCheck();

    /** Strings as Latin-1 bytes, int arrays as unsigned bytes, byte arrays as they are. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            } else if (part instanceof byte[] raw) {
                out.writeBytes(raw);
            } else {
                for (int b : (int[]) part) {
                    out.write(b);
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] png() {
        return bytes(new int[] {0x89}, "PNG\r\n", new int[] {0x1A, 0x0A},
                new int[] {0, 0, 0, 13}, "IHDR", new int[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0});
    }

    @Test
    void aPngIsRecognisedByItsSignature() {
        assertEquals(Optional.of(AssetType.PNG), check.detect(png()));
    }

    @Test
    void aJfifJpegIsRecognised() {
        byte[] jpeg = bytes(new int[] {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10}, "JFIF", new int[] {0, 1, 1, 0});
        assertEquals(Optional.of(AssetType.JPEG), check.detect(jpeg));
    }

    @Test
    void aWebpIsRecognised() {
        byte[] webp = bytes("RIFF", new int[] {0x24, 0, 0, 0}, "WEBPVP8 ", new int[] {0x18, 0, 0, 0});
        assertEquals(Optional.of(AssetType.WEBP), check.detect(webp));
    }

    @Test
    void anMp3WithAnId3TagIsRecognised() {
        byte[] mp3 = bytes("ID3", new int[] {4, 0, 0, 0, 0, 0, 0});
        assertEquals(Optional.of(AssetType.MP3), check.detect(mp3));
    }

    @Test
    void anMp3StartingWithAFrameSyncIsRecognised() {
        byte[] mp3 = bytes(new int[] {0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0, 0, 0, 0, 0});
        assertEquals(Optional.of(AssetType.MP3), check.detect(mp3));
    }

    @Test
    void aWaveFileIsWavWhateverTikaCallsIt() {
        byte[] wav = bytes("RIFF", new int[] {0x24, 0, 0, 0}, "WAVEfmt ", new int[] {16, 0, 0, 0, 1, 0, 1, 0});
        AssetType type = check.detect(wav).orElseThrow();

        assertEquals(AssetType.WAV, type);
        assertEquals("audio/wav", type.mediaType());
    }

    @Test
    void anOggStreamIsOggWithOrWithoutAKnownCodec() {
        byte[] page = bytes("OggS", new int[] {0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 1, 0x1E});
        byte[] vorbis = bytes(page, new int[] {1}, "vorbis", new int[] {0, 0, 0, 0});
        byte[] opus = bytes(page, "OpusHead", new int[] {1, 2, 0, 0});

        assertEquals(Optional.of(AssetType.OGG), check.detect(bytes(page, new int[] {0, 0, 0, 0, 0, 0, 0, 0})));
        assertEquals(Optional.of(AssetType.OGG), check.detect(vorbis));
        assertEquals(Optional.of(AssetType.OGG), check.detect(opus));
    }

    @Test
    void aTextFileNamedLikeAPngIsNotAnAsset(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("anh-bia.png"), "Xin chào, đây không phải ảnh.\n");
        assertEquals(Optional.empty(), check.detect(Files.readAllBytes(file)));
    }

    @Test
    void aPngNamedLikeAnMp3IsStillAPng(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("ban-tin.mp3"), png());
        assertEquals(Optional.of(AssetType.PNG), check.detect(Files.readAllBytes(file)));
    }

    @Test
    void otherFormatsAndNothingAreNotAssets() {
        byte[] pdf = bytes("%PDF-1.7\n%\u00E2\u00E3\n1 0 obj\n");
        byte[] html = bytes("<!DOCTYPE html><html><script>alert(1)</script></html>");
        assertEquals(Optional.empty(), check.detect(pdf));
        assertEquals(Optional.empty(), check.detect(html));
        assertEquals(Optional.empty(), check.detect(new byte[0]));
        assertEquals(Optional.empty(), check.detect(null));
    }

    @Test
    void imagesAndAudioHaveTheirOwnSizeLimits() {
        assertEquals(AssetKind.IMAGE, AssetType.WEBP.kind());
        assertEquals(AssetKind.AUDIO, AssetType.OGG.kind());
        assertEquals(10L * 1024 * 1024, AssetKind.IMAGE.maxBytes());
        assertEquals(50L * 1024 * 1024, AssetKind.AUDIO.maxBytes());
    }

    @Test
    void theSizeOfAWebpIsReadFromItsHeaderWhicheverChunkItStartsWith(@TempDir Path dir) throws IOException {
        // VP8X: canvas width and height minus one, 24 bits each, at bytes 24 and 27
        byte[] extended = bytes("RIFF", new int[] {0x24, 0, 0, 0}, "WEBPVP8X", new int[] {10, 0, 0, 0, 0, 0, 0, 0,
                0x4F, 0xC3, 0x00, 0x4F, 0xC3, 0x00});
        Path bomb = Files.write(dir.resolve("bom.webp"), extended);
        assertEquals(Optional.of(new MediaCheck.Size(50_000, 50_000)), check.size(bomb, AssetType.WEBP));
        // VP8L: signature 0x2F, then 14 bits of width - 1 and 14 of height - 1
        long bits = (640 - 1) | (long) (480 - 1) << 14;
        byte[] lossless = bytes("RIFF", new int[] {0x24, 0, 0, 0}, "WEBPVP8L", new int[] {10, 0, 0, 0, 0x2F,
                (int) (bits & 0xFF), (int) (bits >> 8 & 0xFF), (int) (bits >> 16 & 0xFF), (int) (bits >> 24 & 0xFF), 0, 0, 0,
                0, 0});
        Path photo = Files.write(dir.resolve("anh.webp"), lossless);
        assertEquals(Optional.of(new MediaCheck.Size(640, 480)), check.size(photo, AssetType.WEBP));
    }

    @Test
    void thePixelsAPngDeclaresAreReadWithoutDecodingIt(@TempDir Path dir) throws IOException {
        Path header = Files.write(dir.resolve("anh.png"), png());
        assertEquals(Optional.of(new MediaCheck.Size(1, 1)), check.size(header, AssetType.PNG));
        Path broken = Files.write(dir.resolve("hong.png"), bytes(new int[] {0x89}, "PNG\r\n"));
        assertEquals(Optional.empty(), check.size(broken, AssetType.PNG));
    }
}
