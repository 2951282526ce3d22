package vn.herald.channel.loudspeaker;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.XMPDM;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.mp3.Mp3Parser;
import org.xml.sax.helpers.DefaultHandler;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Measures how long an audio file plays, from the file itself: WAV from its header (javax.sound.sampled), MP3 from
 * its frames (Tika's Mp3Parser, which reads the Xing/VBRI header or counts frames), OGG from the granule position of
 * its last page (samples at the rate its identification header gives; Tika has no OGG parser).
 */
public final class AudioDurations {

    private AudioDurations() {
    }

    public static Duration measure(Path file, String mediaType) throws IOException {
        return switch (mediaType) {
            case "audio/wav" -> wav(file);
            case "audio/mpeg" -> mp3(file);
            case "audio/ogg" -> ogg(file);
            default -> throw new IOException("không đo được độ dài của tệp " + mediaType);
        };
    }

    static Duration wav(Path file) throws IOException {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
            float frameRate = format.getFormat().getFrameRate();
            long frames = format.getFrameLength();
            if (frames <= 0 || frameRate <= 0) {
                throw new IOException("tệp WAV không ghi số mẫu");
            }
            return seconds(frames / (double) frameRate);
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("tệp WAV không đọc được: " + e.getMessage(), e);
        }
    }

    static Duration mp3(Path file) throws IOException {
        Metadata metadata = new Metadata();
        try (InputStream in = Files.newInputStream(file)) {
            new Mp3Parser().parse(in, new DefaultHandler(), metadata, new ParseContext());
        } catch (org.xml.sax.SAXException | org.apache.tika.exception.TikaException e) {
            throw new IOException("tệp MP3 không đọc được: " + e.getMessage(), e);
        }
        String duration = metadata.get(XMPDM.DURATION);
        if (duration == null) {
            throw new IOException("tệp MP3 không có khung âm thanh nào");
        }
        // Tika gives the duration in seconds, as a decimal
        return seconds(Double.parseDouble(duration));
    }

    static Duration ogg(Path file) throws IOException {
        try (RandomAccessFile ogg = new RandomAccessFile(file.toFile(), "r")) {
            byte[] head = new byte[(int) Math.min(ogg.length(), 4096)];
            ogg.readFully(head);
            if (head.length < 28 || !"OggS".equals(new String(head, 0, 4, StandardCharsets.US_ASCII))) {
                throw new IOException("không phải tệp OGG");
            }
            int packet = 27 + (head[26] & 0xff);
            double rate;
            long preSkip = 0;
            if (startsWith(head, packet, "\u0001vorbis".getBytes(StandardCharsets.ISO_8859_1))) {
                rate = littleEndian(head, packet + 12, 4);
            } else if (startsWith(head, packet, "OpusHead".getBytes(StandardCharsets.US_ASCII))) {
                // Opus counts granules at 48 kHz whatever the input rate, after skipping the encoder's pre-skip
                rate = 48000;
                preSkip = littleEndian(head, packet + 10, 2);
            } else {
                throw new IOException("tệp OGG không phải Vorbis hay Opus");
            }
            long granule = lastGranule(ogg);
            if (rate <= 0 || granule <= preSkip) {
                throw new IOException("tệp OGG không ghi vị trí mẫu");
            }
            return seconds((granule - preSkip) / rate);
        }
    }

    /** The granule position of the last page: the sample count at the end of the stream. */
    private static long lastGranule(RandomAccessFile ogg) throws IOException {
        long length = ogg.length();
        int window = (int) Math.min(length, 65536 + 27);
        byte[] tail = new byte[window];
        ogg.seek(length - window);
        ogg.readFully(tail);
        for (int i = window - 27; i >= 0; i--) {
            if (tail[i] == 'O' && tail[i + 1] == 'g' && tail[i + 2] == 'g' && tail[i + 3] == 'S') {
                return littleEndian(tail, i + 6, 8);
            }
        }
        throw new IOException("tệp OGG không có trang cuối");
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        return data.length >= offset + prefix.length
                && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static long littleEndian(byte[] data, int offset, int bytes) {
        long value = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            value = (value << 8) | (data[offset + i] & 0xff);
        }
        return value;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
