package vn.herald.bench;

import io.micronaut.context.ApplicationContext;
import vn.herald.channel.loudspeaker.AudioMaker;
import vn.herald.channel.loudspeaker.LoudspeakerSettings;
import vn.herald.channel.loudspeaker.ScriptPayload;
import vn.herald.channel.loudspeaker.Sound;
import vn.herald.channel.video.VideoMaker;
import vn.herald.channel.video.VideoShape;
import vn.herald.content.AssetRole;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long making a piece's videos takes for a 2-minute script: a radio script long enough for espeak-ng to speak for
 * at least two minutes, with a cover, made upright and wide one after the other as the background executor makes
 * them; prints each shape's wall time, the video's length and its size, and the time of the speech itself. Not a
 * test; run with {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) vn.herald.bench.VideoMakingBenchmark}
 * (docs/video-making.md quotes it).
 */
public final class VideoMakingBenchmark {

    private static final List<String> SENTENCES = List.of(
            "Kính thưa bà con nhân dân trong xã.",
            "Chuyển đổi số: Người dân được hưởng lợi gì?",
            "Từ tháng này, Ủy ban nhân dân xã nhận hồ sơ trực tuyến trên Cổng dịch vụ công quốc gia.",
            "Bà con có thể đăng ký khai sinh, khai tử và xác nhận cư trú ngay tại nhà, không phải đi lại nhiều lần.",
            "Tài khoản định danh điện tử VNeID mức hai giúp bà con đăng nhập một lần cho mọi thủ tục.",
            "Tổ công nghệ số cộng đồng ở mỗi thôn sẵn sàng hướng dẫn bà con cài đặt và sử dụng.",
            "Khi thanh toán không dùng tiền mặt, bà con cần cảnh giác với các cuộc gọi lừa đảo.",
            "Tuyệt đối không cung cấp mã OTP cho bất kỳ ai, kể cả người tự xưng là cán bộ.");

    private VideoMakingBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of("herald.publishing.scheduler-enabled", "false",
                "micronaut.server.port", "-1"), "test")) {
            Pieces pieces = context.getBean(Pieces.class);
            AudioMaker audio = context.getBean(AudioMaker.class);
            VideoMaker maker = context.getBean(VideoMaker.class);
            LoudspeakerSettings.Speech speech = new LoudspeakerSettings.Speech(LoudspeakerSettings.SpeechEngineKind.ESPEAK_NG,
                    "vi", Optional.empty(), Optional.empty(), 120);

            StringBuilder script = new StringBuilder();
            double spoken = 0;
            long speechMillis = 0;
            for (int i = 0; spoken < 120; i++) {
                script.append(SENTENCES.get(i % SENTENCES.size())).append(i % 4 == 3 ? "\n" : " ");
                if (script.length() > 1800) {
                    long began = System.nanoTime();
                    Sound sound = audio.soundOf(new ScriptPayload(0, "", script.toString().strip(), null, 0), speech);
                    speechMillis = (System.nanoTime() - began) / 1_000_000;
                    spoken = ((Sound.Audio) sound).duration().toMillis() / 1000.0;
                }
            }
            Piece piece = pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, null, "Chuyển đổi số: Người dân được hưởng lợi gì?",
                    null, null, script.toString().strip(), null, null, List.of(), null, null, null, null, null), "benchmark");
            pieces.attach(piece.id(), AssetRole.COVER, new ByteArrayInputStream(cover()), "bia.png", null, "benchmark");
            piece = pieces.get(piece.id());
            System.out.printf("script: %d characters, %d words; espeak-ng speech %.1f s (spoken in %d ms, then cached)%n",
                    piece.script().length(), piece.script().split("\\s+").length, spoken, speechMillis);
            long total = 0;
            double totalCpu = 0;
            for (VideoShape shape : VideoShape.values()) {
                long began = System.nanoTime();
                double cpuBefore = childrenCpuSeconds();
                VideoMaker.Made made = maker.make(piece, shape);
                long millis = (System.nanoTime() - began) / 1_000_000;
                double cpu = childrenCpuSeconds() - cpuBefore;
                total += millis;
                totalCpu += cpu;
                System.out.printf("RESULT %s %dx%d: made in %.1f s (ffmpeg's CPU time %.1f s), %.1f s long, %.2f MB (%d bytes), captions %d bytes%n",
                        shape, shape.width(), shape.height(), millis / 1000.0, cpu, made.seconds(),
                        made.video().sizeBytes() / 1_048_576.0, made.video().sizeBytes(),
                        made.captions() == null ? 0 : made.captions().sizeBytes());
            }
            System.out.printf("RESULT both shapes: %.1f s (ffmpeg's CPU time %.1f s), load average then: %s%n",
                    total / 1000.0, totalCpu, Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    /**
     * The CPU time (user and system) of this process's finished children, from /proc/self/stat: ffmpeg's own cost,
     * which a machine shared with other work does not inflate the way it inflates wall time.
     */
    private static double childrenCpuSeconds() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command's name: field 3 is the state, so cutime (16) and cstime (17) are at 13 and 14
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
    }

    private static byte[] cover() throws Exception {
        BufferedImage image = new BufferedImage(1200, 675, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xC8102E), 1200, 675, new Color(0xFFCD00)));
        g.fillRect(0, 0, 1200, 675);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
