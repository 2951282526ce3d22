package vn.herald;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Channel files for tests: a temporary channels/ folder, and the loudspeaker that drops its files into "loa". */
public final class TestChannels {

    private static final List<String> STATIONS = List.of("thon-dong: Cụm loa thôn Đông", "thon-tay: Cụm loa thôn Tây");

    private TestChannels() {}

    /** A new temporary folder holding these files (file name to YAML text). */
    public static Path folder(Map<String, String> files) {
        try {
            Path dir = Files.createTempDirectory("herald-channels");
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Xã Hòa An's live loudspeakers, delivering by file drop into the data folder's "loa", without speech: the first
     * {@code stations} of thôn Đông and thôn Tây, a session of {@code minutes} every day at each of {@code starts}.
     */
    public static String fileDropLoudspeaker(int stations, int minutes, String... starts) {
        String stationLines = STATIONS.subList(0, stations).stream().map(station -> station.split(": "))
                .map(s -> "  - code: " + s[0] + "\n    name: " + s[1] + "\n").collect(Collectors.joining());
        String sessionLines = Arrays.stream(starts).map(start -> "  - days: [MON, TUE, WED, THU, FRI, SAT, SUN]\n"
                + "    start: \"" + start + "\"\n    minutes: " + minutes + "\n").collect(Collectors.joining());
        return "type: LOUDSPEAKER\nmode: live\nname: Truyền thanh xã Hòa An\ndelivery: file-drop\ndropFolder: loa\n"
                + "stations:\n" + stationLines + "sessions:\n" + sessionLines + "tts:\n  engine: none\n";
    }
}
