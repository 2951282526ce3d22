import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Draws the PNG of every infographic in a folder of Herald content.
 *
 * <p>Usage: {@code java tools/Infographics.java content/infographics}
 *
 * <p>For each {@code *.md} file with an {@code image:} key in its front matter, the image is drawn
 * from the file's own text, so picture and metadata cannot drift apart:
 * <ul>
 *   <li>{@code title} goes into the coloured band at the top,</li>
 *   <li>{@code caption} is the lead line under the band,</li>
 *   <li>the numbered list of the body ({@code 1. **Heading**: detail}) gives the items. When every
 *       heading starts with a figure ({@code 46 hộ}, {@code 10%}) the items are drawn as a grid of
 *       big numbers, otherwise as numbered steps.</li>
 * </ul>
 * Colours and the header icon are picked from the image file name. Only the JDK is used (Java2D,
 * ImageIO) and it runs headless.
 */
public class Infographics {

    static final int WIDTH = 1080;
    static final int HEIGHT = 1350;
    static final int MARGIN = 64;
    static final int FOOTER_HEIGHT = 104;
    static final String FOOTER = "Trung tâm Văn hóa, Thể thao và Truyền thông xã Hòa An";
    static final String FONT_DIR = "/usr/share/fonts/truetype/dejavu/";

    record Item(String heading, String detail) {}

    record Sheet(Path source, String title, String caption, String image, List<Item> items) {}

    record Theme(Color band, Color bandEnd, Color accent, Color footer, String icon) {}

    static Font regular;
    static Font bold;

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (args.length != 1) {
            System.err.println("usage: java tools/Infographics.java <folder with infographic .md files>");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        if (!Files.isDirectory(folder)) {
            System.err.println(folder + ": not a folder");
            System.exit(2);
        }
        loadFonts();

        List<Path> sources;
        try (Stream<Path> files = Files.list(folder)) {
            sources = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        int drawn = 0;
        int failed = 0;
        for (Path source : sources) {
            try {
                Sheet sheet = read(source);
                if (sheet == null) {
                    continue;
                }
                Path out = folder.resolve(sheet.image());
                ImageIO.write(draw(sheet), "png", out.toFile());
                System.out.printf("%s -> %s (%d items, %d KB)%n", source, out, sheet.items().size(),
                        Files.size(out) / 1024);
                drawn++;
            } catch (IllegalArgumentException | IOException e) {
                System.err.println(source + ": " + e.getMessage());
                failed++;
            }
        }
        System.out.printf("%d image(s) drawn, %d failed, font: %s%n", drawn, failed, regular.getFontName());
        if (failed > 0) {
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- fonts

    static void loadFonts() {
        Font base = loadFont("DejaVuSans.ttf");
        Font heavy = loadFont("DejaVuSans-Bold.ttf");
        if (base == null || heavy == null) {
            System.err.println("DejaVu Sans not found in " + FONT_DIR
                    + "; falling back to the logical SansSerif font (install fonts-dejavu-core for sure diacritics)");
            base = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            heavy = new Font(Font.SANS_SERIF, Font.BOLD, 12);
        }
        regular = base;
        bold = heavy;
    }

    static Font loadFont(String file) {
        Path path = Path.of(FONT_DIR, file);
        if (!Files.isReadable(path)) {
            return null;
        }
        try {
            return Font.createFont(Font.TRUETYPE_FONT, path.toFile());
        } catch (Exception e) {
            System.err.println(path + ": cannot load font: " + e.getMessage());
            return null;
        }
    }

    static void checkGlyphs(Font font, String text, Path source) {
        int at = font.canDisplayUpTo(text);
        if (at >= 0) {
            System.err.printf("%s: warning: font %s has no glyph for '%s' in \"%s\"%n", source,
                    font.getFontName(), text.substring(at, at + 1), text);
        }
    }

    // ---------------------------------------------------------------- reading

    static final Pattern ITEM = Pattern.compile("^\\d+\\.\\s+\\*\\*(.+?)\\*\\*\\s*[:\\u2014-]?\\s*(.*)$");

    static Sheet read(Path source) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            throw new IllegalArgumentException("line 1: front matter must start with '---'");
        }
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new IllegalArgumentException("front matter has no closing '---'");
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 1; i < end; i++) {
            String line = lines.get(i);
            if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                keys.put(line.substring(0, colon).strip(), unquote(line.substring(colon + 1).strip()));
            }
        }
        String image = keys.get("image");
        if (image == null || image.isBlank()) {
            System.out.println(source + ": no 'image' key, skipped");
            return null;
        }
        if (!image.endsWith(".png") || image.contains("/")) {
            throw new IllegalArgumentException("'image' must be a .png file name beside the .md file, found '" + image + "'");
        }
        String title = require(keys, "title", source);
        String caption = keys.getOrDefault("caption", "");
        List<Item> items = new ArrayList<>();
        for (int i = end + 1; i < lines.size(); i++) {
            Matcher m = ITEM.matcher(lines.get(i).strip());
            if (m.matches()) {
                items.add(new Item(nfc(plain(m.group(1))), nfc(plain(m.group(2)))));
            }
        }
        if (items.isEmpty() || items.size() > 6) {
            throw new IllegalArgumentException("body needs 1 to 6 numbered items like '1. **Heading**: detail', found "
                    + items.size());
        }
        return new Sheet(source, nfc(title), nfc(caption), image, items);
    }

    static String require(Map<String, String> keys, String key, Path source) {
        String value = keys.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("front matter needs '" + key + "'");
        }
        return value;
    }

    static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        return value;
    }

    static String plain(String markdown) {
        return markdown.replace("**", "").replace("`", "").replaceAll("(?<!\\w)\\*(?!\\s)|(?<!\\s)\\*(?!\\w)", "").strip();
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    // ---------------------------------------------------------------- theme

    static Theme themeFor(String image) {
        if (image.contains("vneid")) {
            return new Theme(new Color(0x0B4F9C), new Color(0x1C7AD8), new Color(0x0B5FBF), new Color(0x0A2F5C), "id");
        }
        if (image.contains("lua-dao")) {
            return new Theme(new Color(0xB3261E), new Color(0xE0483E), new Color(0xC62828), new Color(0x6D1410), "shield");
        }
        if (image.contains("qr")) {
            return new Theme(new Color(0x00796B), new Color(0x17A396), new Color(0x00897B), new Color(0x003D36), "qr");
        }
        if (image.contains("khcn")) {
            return new Theme(new Color(0x2E7D32), new Color(0x4CAF50), new Color(0x2E7D32), new Color(0x1B4D1E), "bulb");
        }
        return new Theme(new Color(0xD9480F), new Color(0xF28C28), new Color(0xE8590C), new Color(0x7A2E0B), "bulb");
    }

    // ---------------------------------------------------------------- drawing

    static BufferedImage draw(Sheet sheet) {
        Theme theme = themeFor(sheet.image());
        for (String text : List.of(sheet.title(), sheet.caption(), FOOTER)) {
            checkGlyphs(regular, text, sheet.source());
        }
        sheet.items().forEach(it -> checkGlyphs(regular, it.heading() + " " + it.detail(), sheet.source()));

        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

        g.setColor(new Color(0xF5F7FA));
        g.fillRect(0, 0, WIDTH, HEIGHT);

        int y = drawTitleBand(g, sheet, theme);
        y = drawCaption(g, sheet.caption(), y);
        int bottom = HEIGHT - FOOTER_HEIGHT - 40;
        if (isFigures(sheet.items())) {
            drawFigures(g, sheet.items(), theme, y, bottom);
        } else {
            drawSteps(g, sheet.items(), theme, y, bottom);
        }
        drawFooter(g, theme);
        g.dispose();
        return img;
    }

    static int drawTitleBand(Graphics2D g, Sheet sheet, Theme theme) {
        int iconBox = 200;
        int textWidth = WIDTH - 2 * MARGIN - iconBox - 24;
        Font titleFont = bold.deriveFont(54f);
        List<String> lines = wrap(g, titleFont, sheet.title(), textWidth);
        while (lines.size() > 4 && titleFont.getSize2D() > 36f) {
            titleFont = titleFont.deriveFont(titleFont.getSize2D() - 4f);
            lines = wrap(g, titleFont, sheet.title(), textWidth);
        }
        FontMetrics fm = g.getFontMetrics(titleFont);
        int lineHeight = Math.round(fm.getHeight() * 1.08f);
        int textHeight = lines.size() * lineHeight;
        int bandHeight = Math.max(iconBox + 2 * 56, textHeight + 2 * 60) + 14;

        g.setPaint(new GradientPaint(0, 0, theme.band(), WIDTH, bandHeight, theme.bandEnd()));
        g.fillRect(0, 0, WIDTH, bandHeight);
        // a thin light stripe under the band
        g.setColor(new Color(255, 255, 255, 70));
        g.fillRect(0, bandHeight - 14, WIDTH, 6);
        // decorative circles
        g.setColor(new Color(255, 255, 255, 22));
        g.fill(new Ellipse2D.Double(WIDTH - 260, -120, 380, 380));
        g.fill(new Ellipse2D.Double(-90, bandHeight - 110, 220, 220));

        g.setColor(Color.WHITE);
        g.setFont(titleFont);
        int ty = (bandHeight - 14 - textHeight) / 2 + fm.getAscent();
        for (String line : lines) {
            g.drawString(line, MARGIN, ty);
            ty += lineHeight;
        }

        int ix = WIDTH - MARGIN - iconBox;
        int iy = (bandHeight - 14 - iconBox) / 2;
        drawIcon(g, theme, ix, iy, iconBox);
        return bandHeight;
    }

    static int drawCaption(Graphics2D g, String caption, int top) {
        if (caption.isBlank()) {
            return top + 40;
        }
        Font font = regular.deriveFont(29f);
        List<String> lines = wrap(g, font, caption, WIDTH - 2 * MARGIN);
        FontMetrics fm = g.getFontMetrics(font);
        int lineHeight = Math.round(fm.getHeight() * 1.12f);
        int y = top + 36 + fm.getAscent();
        g.setColor(new Color(0x37474F));
        g.setFont(font);
        for (String line : lines) {
            g.drawString(line, MARGIN, y);
            y += lineHeight;
        }
        return y - fm.getAscent() + 30;
    }

    static boolean isFigures(List<Item> items) {
        return items.size() >= 2 && items.size() % 2 == 0
                && items.stream().allMatch(it -> Character.isDigit(it.heading().charAt(0)));
    }

    /** Numbered steps, one card each, joined by a line through the number circles. */
    static void drawSteps(Graphics2D g, List<Item> items, Theme theme, int top, int bottom) {
        int n = items.size();
        int circle = 76;
        int textX = MARGIN + 28 + circle + 28;
        int textWidth = WIDTH - MARGIN - 28 - textX;
        float scale = 1f;
        List<List<String>> headings = new ArrayList<>();
        List<List<String>> details = new ArrayList<>();
        int[] heights = new int[n];
        int gap;
        Font headFont;
        Font detailFont;
        while (true) {
            headFont = bold.deriveFont(35f * scale);
            detailFont = regular.deriveFont(28f * scale);
            headings.clear();
            details.clear();
            int total = 0;
            for (int i = 0; i < n; i++) {
                List<String> h = wrap(g, headFont, items.get(i).heading(), textWidth);
                List<String> d = items.get(i).detail().isBlank() ? List.of() : wrap(g, detailFont, items.get(i).detail(), textWidth);
                headings.add(h);
                details.add(d);
                heights[i] = Math.max(circle + 36, cardTextHeight(g, headFont, detailFont, h, d) + 44);
                total += heights[i];
            }
            gap = n > 1 ? (bottom - top - total) / (n - 1) : 0;
            if (gap >= 18 || scale < 0.7f) {
                gap = Math.min(Math.max(gap, 12), 30);
                // spare room makes the cards taller (airier), not the gaps wider
                int spare = bottom - top - total - gap * (n - 1);
                int grow = Math.min(Math.max(spare / n, 0), 70);
                for (int i = 0; i < n; i++) {
                    heights[i] += grow;
                }
                break;
            }
            scale -= 0.05f;
        }
        int used = 0;
        for (int h : heights) {
            used += h;
        }
        used += gap * (n - 1);
        int y = top + Math.max(0, (bottom - top - used) / 2);

        // connector line behind the circles
        int cx = MARGIN + 28 + circle / 2;
        int firstCenter = y + heights[0] / 2;
        int lastCenter = y + used - heights[n - 1] / 2;
        g.setColor(withAlpha(theme.accent(), 90));
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 0, new float[] {2f, 14f}, 0));
        g.drawLine(cx, firstCenter, cx, lastCenter);

        for (int i = 0; i < n; i++) {
            int h = heights[i];
            card(g, MARGIN, y, WIDTH - 2 * MARGIN, h);
            // side accent
            g.setColor(theme.accent());
            g.fill(new RoundRectangle2D.Double(MARGIN, y, 10, h, 10, 10));
            // number circle
            int cy = y + h / 2;
            g.setColor(theme.accent());
            g.fill(new Ellipse2D.Double(cx - circle / 2.0, cy - circle / 2.0, circle, circle));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(4f));
            g.draw(new Ellipse2D.Double(cx - circle / 2.0 + 5, cy - circle / 2.0 + 5, circle - 10, circle - 10));
            centered(g, bold.deriveFont(38f), String.valueOf(i + 1), cx, cy);

            int textHeight = cardTextHeight(g, headFont, detailFont, headings.get(i), details.get(i));
            int ty = y + (h - textHeight) / 2;
            ty = drawLines(g, headFont, theme.accent().darker(), headings.get(i), textX, ty, 1.05f);
            if (!details.get(i).isEmpty()) {
                drawLines(g, detailFont, new Color(0x263238), details.get(i), textX, ty + 6, 1.12f);
            }
            y += h + gap;
        }
    }

    static int cardTextHeight(Graphics2D g, Font head, Font detail, List<String> h, List<String> d) {
        int height = linesHeight(g, head, h.size(), 1.05f);
        if (!d.isEmpty()) {
            height += 6 + linesHeight(g, detail, d.size(), 1.12f);
        }
        return height;
    }

    /** Big figures in a two-column grid. */
    static void drawFigures(Graphics2D g, List<Item> items, Theme theme, int top, int bottom) {
        int cols = 2;
        int rows = items.size() / cols;
        int gap = 32;
        int cardW = (WIDTH - 2 * MARGIN - gap) / cols;
        int cardH = Math.min(440, (bottom - top - gap * (rows - 1)) / rows);
        int startY = top + Math.max(0, (bottom - top - rows * cardH - (rows - 1) * gap) / 2);
        Pattern lead = Pattern.compile("^([0-9][0-9.,]*%?)\\s*(.*)$");
        for (int i = 0; i < items.size(); i++) {
            int col = i % cols;
            int row = i / cols;
            int x = MARGIN + col * (cardW + gap);
            int y = startY + row * (cardH + gap);
            card(g, x, y, cardW, cardH);
            g.setColor(theme.accent());
            g.fill(new RoundRectangle2D.Double(x, y, cardW, 12, 12, 12));
            g.fillRect(x, y + 6, cardW, 6);

            Matcher m = lead.matcher(items.get(i).heading());
            String figure = m.matches() ? m.group(1) : items.get(i).heading();
            String unit = m.matches() ? m.group(2) : "";
            int pad = 34;
            int ty = y + 40;
            Font figFont = bold.deriveFont(104f);
            FontMetrics ffm = g.getFontMetrics(figFont);
            g.setFont(figFont);
            g.setColor(theme.accent());
            g.drawString(figure, x + pad, ty + ffm.getAscent() - 8);
            int figWidth = ffm.stringWidth(figure);
            int baseline = ty + ffm.getAscent() - 8;
            if (!unit.isBlank()) {
                Font unitFont = bold.deriveFont(38f);
                int room = cardW - 2 * pad - figWidth - 16;
                if (g.getFontMetrics(unitFont).stringWidth(unit) <= room) {
                    g.setFont(unitFont);
                    g.setColor(theme.accent().darker());
                    g.drawString(unit, x + pad + figWidth + 16, baseline);
                } else {
                    baseline += g.getFontMetrics(unitFont).getHeight();
                    g.setFont(unitFont);
                    g.setColor(theme.accent().darker());
                    g.drawString(unit, x + pad, baseline);
                }
            }
            // short rule
            int ruleY = baseline + 30;
            g.setColor(withAlpha(theme.accent(), 110));
            g.fillRect(x + pad, ruleY, 70, 6);
            Font detailFont = regular.deriveFont(29f);
            List<String> lines = wrap(g, detailFont, items.get(i).detail(), cardW - 2 * pad);
            drawLines(g, detailFont, new Color(0x263238), lines, x + pad, ruleY + 28, 1.15f);
        }
    }

    static void drawFooter(Graphics2D g, Theme theme) {
        int top = HEIGHT - FOOTER_HEIGHT;
        g.setColor(theme.footer());
        g.fillRect(0, top, WIDTH, FOOTER_HEIGHT);
        g.setColor(theme.bandEnd());
        g.fillRect(0, top, WIDTH, 8);
        // a small loudspeaker-and-waves mark before the name
        Font font = bold.deriveFont(29f);
        FontMetrics fm = g.getFontMetrics(font);
        int textW = fm.stringWidth(FOOTER);
        int markW = 56;
        int startX = (WIDTH - textW - markW - 18) / 2;
        int cy = top + 8 + (FOOTER_HEIGHT - 8) / 2;
        drawSpeaker(g, startX, cy, Color.WHITE);
        g.setFont(font);
        g.setColor(Color.WHITE);
        g.drawString(FOOTER, startX + markW + 18, cy - fm.getHeight() / 2 + fm.getAscent());
    }

    // ---------------------------------------------------------------- icons

    static void drawIcon(Graphics2D g, Theme theme, int x, int y, int size) {
        // white disc as a backdrop for every icon
        g.setColor(new Color(255, 255, 255, 235));
        g.fill(new Ellipse2D.Double(x, y, size, size));
        Color c = theme.band();
        switch (theme.icon()) {
            case "id" -> drawPhoneWithCard(g, c, x, y, size);
            case "shield" -> drawShield(g, c, x, y, size);
            case "qr" -> drawQr(g, c, x, y, size);
            default -> drawBulb(g, c, x, y, size);
        }
    }

    static void drawPhoneWithCard(Graphics2D g, Color c, int x, int y, int s) {
        double pw = s * 0.42;
        double ph = s * 0.66;
        double px = x + (s - pw) / 2;
        double py = y + (s - ph) / 2;
        g.setColor(c);
        g.fill(new RoundRectangle2D.Double(px, py, pw, ph, 22, 22));
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(px + 8, py + 18, pw - 16, ph - 40, 8, 8));
        g.fill(new Ellipse2D.Double(px + pw / 2 - 6, py + ph - 17, 12, 12));
        // the ID card on the screen
        double cw = pw - 30;
        double ch = cw * 0.64;
        double cx = px + 15;
        double cy = py + 18 + (ph - 40 - ch) / 2;
        g.setColor(new Color(0xFFC107));
        g.fill(new RoundRectangle2D.Double(cx, cy, cw, ch, 8, 8));
        g.setColor(c);
        g.fill(new Ellipse2D.Double(cx + 6, cy + 8, ch * 0.42, ch * 0.42));
        g.fill(new RoundRectangle2D.Double(cx + 4, cy + ch * 0.55, ch * 0.5, ch * 0.3, 10, 10));
        g.fillRect((int) (cx + ch * 0.62), (int) (cy + 12), (int) (cw - ch * 0.62 - 8), 5);
        g.fillRect((int) (cx + ch * 0.62), (int) (cy + 24), (int) (cw - ch * 0.62 - 14), 5);
        g.fillRect((int) (cx + ch * 0.62), (int) (cy + 36), (int) (cw - ch * 0.62 - 10), 5);
        // a check mark badge
        g.setColor(new Color(0x2E7D32));
        double bx = px + pw - 14;
        double by = py + ph - 58;
        g.fill(new Ellipse2D.Double(bx, by, 48, 48));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D check = new Path2D.Double();
        check.moveTo(bx + 12, by + 25);
        check.lineTo(bx + 21, by + 34);
        check.lineTo(bx + 36, by + 15);
        g.draw(check);
    }

    static void drawShield(Graphics2D g, Color c, int x, int y, int s) {
        double w = s * 0.56;
        double h = s * 0.66;
        double sx = x + (s - w) / 2;
        double sy = y + (s - h) / 2;
        Path2D shield = new Path2D.Double();
        shield.moveTo(sx + w / 2, sy);
        shield.curveTo(sx + w * 0.7, sy + h * 0.1, sx + w * 0.9, sy + h * 0.1, sx + w, sy + h * 0.1);
        shield.curveTo(sx + w, sy + h * 0.6, sx + w * 0.8, sy + h * 0.85, sx + w / 2, sy + h);
        shield.curveTo(sx + w * 0.2, sy + h * 0.85, sx, sy + h * 0.6, sx, sy + h * 0.1);
        shield.curveTo(sx + w * 0.1, sy + h * 0.1, sx + w * 0.3, sy + h * 0.1, sx + w / 2, sy);
        shield.closePath();
        g.setColor(c);
        g.fill(shield);
        g.setColor(Color.WHITE);
        double ex = sx + w / 2;
        g.fill(new RoundRectangle2D.Double(ex - 8, sy + h * 0.22, 16, h * 0.4, 12, 12));
        g.fill(new Ellipse2D.Double(ex - 10, sy + h * 0.7, 20, 20));
    }

    static void drawQr(Graphics2D g, Color c, int x, int y, int s) {
        int cells = 11;
        double q = s * 0.6;
        double cell = q / cells;
        double qx = x + (s - q) / 2;
        double qy = y + (s - q) / 2;
        // fixed pseudo pattern, finder squares in three corners
        long bits = 0x5A3C_96E1_7B24_D3A5L;
        g.setColor(c);
        for (int r = 0; r < cells; r++) {
            for (int col = 0; col < cells; col++) {
                if (inFinder(r, col, cells)) {
                    continue;
                }
                int bit = (r * cells + col) % 64;
                if (((bits >>> bit) & 1L) == 1L) {
                    g.fill(new java.awt.geom.Rectangle2D.Double(qx + col * cell, qy + r * cell, cell + 0.5, cell + 0.5));
                }
            }
        }
        finder(g, c, qx, qy, cell);
        finder(g, c, qx + (cells - 3) * cell, qy, cell);
        finder(g, c, qx, qy + (cells - 3) * cell, cell);
    }

    static boolean inFinder(int r, int c, int n) {
        return (r < 4 && c < 4) || (r < 4 && c >= n - 4) || (r >= n - 4 && c < 4);
    }

    static void finder(Graphics2D g, Color c, double x, double y, double cell) {
        g.setColor(c);
        g.fill(new java.awt.geom.Rectangle2D.Double(x, y, cell * 3, cell * 3));
        g.setColor(Color.WHITE);
        g.fill(new java.awt.geom.Rectangle2D.Double(x + cell * 0.5, y + cell * 0.5, cell * 2, cell * 2));
        g.setColor(c);
        g.fill(new java.awt.geom.Rectangle2D.Double(x + cell, y + cell, cell, cell));
    }

    static void drawBulb(Graphics2D g, Color c, int x, int y, int s) {
        double cx = x + s / 2.0;
        double r = s * 0.2;
        double cy = y + s * 0.42;
        // rays
        g.setColor(new Color(0xFFB300));
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 7; i++) {
            double a = Math.toRadians(-180 + i * 30);
            double r1 = r + 14;
            double r2 = r + 32;
            g.drawLine((int) (cx + Math.cos(a) * r1), (int) (cy + Math.sin(a) * r1),
                    (int) (cx + Math.cos(a) * r2), (int) (cy + Math.sin(a) * r2));
        }
        g.setColor(new Color(0xFFC107));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        Path2D neck = new Path2D.Double();
        neck.moveTo(cx - r * 0.75, cy + r * 0.6);
        neck.lineTo(cx + r * 0.75, cy + r * 0.6);
        neck.lineTo(cx + r * 0.45, cy + r * 1.35);
        neck.lineTo(cx - r * 0.45, cy + r * 1.35);
        neck.closePath();
        g.fill(neck);
        g.setColor(c);
        for (int i = 0; i < 3; i++) {
            g.fill(new RoundRectangle2D.Double(cx - r * 0.5, cy + r * 1.4 + i * 11, r, 8, 6, 6));
        }
        // filament
        g.setColor(new Color(0xFFFFFF));
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D f = new Path2D.Double();
        f.moveTo(cx - r * 0.35, cy + r * 0.1);
        f.lineTo(cx - r * 0.15, cy - r * 0.25);
        f.lineTo(cx, cy + r * 0.1);
        f.lineTo(cx + r * 0.15, cy - r * 0.25);
        f.lineTo(cx + r * 0.35, cy + r * 0.1);
        g.draw(f);
    }

    static void drawSpeaker(Graphics2D g, int x, int cy, Color c) {
        g.setColor(c);
        Path2D horn = new Path2D.Double();
        horn.moveTo(x, cy - 8);
        horn.lineTo(x + 10, cy - 8);
        horn.lineTo(x + 26, cy - 20);
        horn.lineTo(x + 26, cy + 20);
        horn.lineTo(x + 10, cy + 8);
        horn.lineTo(x, cy + 8);
        horn.closePath();
        g.fill(horn);
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawArc(x + 22, cy - 12, 18, 24, -50, 100);
        g.drawArc(x + 22, cy - 22, 32, 44, -50, 100);
    }

    // ---------------------------------------------------------------- text helpers

    static void card(Graphics2D g, int x, int y, int w, int h) {
        g.setColor(new Color(0, 0, 0, 18));
        g.fill(new RoundRectangle2D.Double(x + 2, y + 5, w, h, 26, 26));
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(x, y, w, h, 26, 26));
    }

    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    static void centered(Graphics2D g, Font font, String text, int cx, int cy) {
        FontMetrics fm = g.getFontMetrics(font);
        g.setFont(font);
        g.drawString(text, cx - fm.stringWidth(text) / 2, cy - fm.getHeight() / 2 + fm.getAscent());
    }

    /** Draws lines from a top edge; returns the y just below the last line. */
    static int drawLines(Graphics2D g, Font font, Color color, List<String> lines, int x, int top, float spacing) {
        FontMetrics fm = g.getFontMetrics(font);
        int lineHeight = Math.round(fm.getHeight() * spacing);
        g.setFont(font);
        g.setColor(color);
        int y = top;
        for (String line : lines) {
            g.drawString(line, x, y + fm.getAscent());
            y += lineHeight;
        }
        return y;
    }

    static int linesHeight(Graphics2D g, Font font, int count, float spacing) {
        return Math.round(g.getFontMetrics(font).getHeight() * spacing) * count;
    }

    /** Greedy word wrap; a word longer than the width is put on its own line. */
    static List<String> wrap(Graphics2D g, Font font, String text, int width) {
        FontMetrics fm = g.getFontMetrics(font);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(candidate) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
