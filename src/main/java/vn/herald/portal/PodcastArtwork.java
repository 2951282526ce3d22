package vn.herald.portal;

import jakarta.inject.Singleton;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The show's cover for podcast apps: Apple asks for a square PNG or JPEG of 1400 to 3000 pixels in RGB. A unit has
 * no such picture of its own, so one is drawn: the portal's name, in a Vietnamese-capable sans font, on the portal's
 * colour. Drawn again only when the name changes.
 */
@Singleton
class PodcastArtwork {

    static final String PATH = "/portal/podcast/anh-bia.png";
    static final int SIZE = 1400;

    private static final Color BACKGROUND = new Color(0x0B, 0x4F, 0x8A);
    private static final int MARGIN = 120;

    private record Drawn(String name, byte[] png) {}

    private volatile Drawn drawn;

    byte[] png(String name) {
        Drawn current = drawn;
        if (current == null || !current.name().equals(name)) {
            current = new Drawn(name, draw(name));
            drawn = current;
        }
        return current.png();
    }

    private static byte[] draw(String name) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(Color.WHITE);
            g.setFont(new Font("DejaVu Sans", Font.BOLD, 64));
            FontMetrics small = g.getFontMetrics();
            g.drawString("PODCAST", MARGIN, MARGIN + small.getAscent());
            g.setFont(new Font("DejaVu Sans", Font.BOLD, 110));
            FontMetrics big = g.getFontMetrics();
            List<String> lines = lines(name, big, SIZE - 2 * MARGIN);
            int y = SIZE - MARGIN - lines.size() * big.getHeight() + big.getAscent();
            for (String line : lines) {
                g.drawString(line, MARGIN, y);
                y += big.getHeight();
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The name broken at spaces into lines that fit the width. */
    private static List<String> lines(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (!line.isEmpty() && metrics.stringWidth(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
