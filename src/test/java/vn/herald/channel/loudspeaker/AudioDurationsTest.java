package vn.herald.channel.loudspeaker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.herald.broadcast.Sounds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Lengths come from the files: WAV header, MP3 frames, OGG granule position. */
class AudioDurationsTest {

    @TempDir Path dir;

    @Test
    void aWavIsMeasuredFromItsHeader() throws IOException {
        Path file = Files.write(dir.resolve("a.wav"), Sounds.wav(2.5));
        assertEquals(2500, AudioDurations.measure(file, "audio/wav").toMillis());
    }

    @Test
    void anMp3IsMeasuredFromItsFrames() throws IOException {
        // 115 frames of MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono: 1152 samples each, 3.004 s in all
        byte[] frame = new byte[417];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xFB;
        frame[2] = (byte) 0x90;
        frame[3] = (byte) 0xC0;
        ByteArrayOutputStream mp3 = new ByteArrayOutputStream();
        for (int i = 0; i < 115; i++) {
            mp3.write(frame);
        }
        Path file = Files.write(dir.resolve("a.mp3"), mp3.toByteArray());
        assertEquals(3.004, AudioDurations.measure(file, "audio/mpeg").toMillis() / 1000.0, 0.05);
    }

    @Test
    void anOpusFileIsMeasuredFromItsLastGranuleLessThePreSkip() throws IOException {
        ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
        head.put("OpusHead".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 1).putShort((short) 312)
                .putInt(48000).putShort((short) 0).put((byte) 0);
        Path file = Files.write(dir.resolve("a.ogg"), ogg(head.array(), 312 + 48000 * 5 / 2));
        assertEquals(2500, AudioDurations.measure(file, "audio/ogg").toMillis());
    }

    @Test
    void aVorbisFileIsMeasuredAtItsOwnRate() throws IOException {
        ByteBuffer head = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 1).put("vorbis".getBytes(StandardCharsets.US_ASCII)).putInt(0).put((byte) 1).putInt(22050);
        Path file = Files.write(dir.resolve("b.ogg"), ogg(head.array(), 22050L * 4));
        assertEquals(4000, AudioDurations.measure(file, "audio/ogg").toMillis());
    }

    @Test
    void somethingElseIsRefusedWithAReason() throws IOException {
        Path file = Files.writeString(dir.resolve("x.ogg"), "không phải âm thanh");
        IOException e = assertThrows(IOException.class, () -> AudioDurations.measure(file, "audio/ogg"));
        assertEquals("không phải tệp OGG", e.getMessage());
    }

    /** Two Ogg pages: the identification header, then a last page ending at {@code granule}. */
    private static byte[] ogg(byte[] identification, long granule) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(page(2, 0, 0, identification));
        out.writeBytes(page(4, granule, 1, new byte[]{0}));
        return out.toByteArray();
    }

    private static byte[] page(int type, long granule, int sequence, byte[] packet) {
        ByteBuffer page = ByteBuffer.allocate(28 + packet.length).order(ByteOrder.LITTLE_ENDIAN);
        page.put("OggS".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) type).putLong(granule)
                .putInt(7).putInt(sequence).putInt(0).put((byte) 1).put((byte) packet.length).put(packet);
        return page.array();
    }
}
