package vn.herald.channel.loudspeaker;

import org.junit.jupiter.api.Test;
import vn.herald.channel.ChannelType;
import vn.herald.content.SourceFileException;
import vn.herald.content.YamlFields;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The channel file's checks, and sessions laid out on real days. */
class LoudspeakerSettingsTest {

    private static final String GOOD = """
            type: LOUDSPEAKER
            mode: live
            stations:
              - code: thon-dong
                name: Cụm loa thôn Đông
            sessions:
              - days: [MON, TUE, WED, THU, FRI, SAT]
                start: "05:30"
                minutes: 30
              - days: [MON, TUE, WED, THU, FRI, SAT]
                start: "17:00"
                minutes: 45
            """;

    private static void check(String yaml) {
        new LoudspeakerFileCheck().check(ChannelType.LOUDSPEAKER, YamlFields.parse(yaml, 0));
    }

    private static SourceFileException refused(String yaml) {
        return assertThrows(SourceFileException.class, () -> check(yaml));
    }

    @Test
    void theRepositorysOwnChannelFileIsValid() throws Exception {
        check(Files.readString(Path.of("channels/loudspeaker.yml")));
    }

    @Test
    void eachStationCarriesItsHouseholdsAndAWrongNumberIsNamed() throws Exception {
        Map<String, Object> file = new LinkedHashMap<>(YamlFields.parse(Files.readString(Path.of("channels/loudspeaker.yml")), 0).plain());
        file.keySet().removeAll(List.of("type", "mode", "unit", "name"));
        LoudspeakerSettings seed = LoudspeakerSettings.parse(file, key -> 0);
        assertEquals(List.of(412, 365, 538), seed.stations().stream().map(LoudspeakerSettings.Station::households).toList());
        SourceFileException negative = refused(GOOD.replace("name: Cụm loa thôn Đông", "name: Cụm loa thôn Đông\n    households: -5"));
        assertEquals(3, negative.line(), "the line of 'stations'");
        assertTrue(negative.reason().startsWith("'stations[1].households' phải là số hộ"), negative.reason());
        assertTrue(refused(GOOD.replace("name: Cụm loa thôn Đông", "name: Cụm loa thôn Đông\n    households: nhiều")).reason()
                .contains("đang là 'nhiều'"));
    }

    @Test
    void eachMistakeNamesItsKeyAndLine() {
        SourceFileException badTime = refused(GOOD.replace("\"17:00\"", "\"17h00\""));
        assertEquals(6, badTime.line(), "the line of 'sessions'");
        assertTrue(badTime.reason().startsWith("'sessions[2].start' phải là giờ bắt đầu dạng HH:mm"), badTime.reason());

        assertTrue(refused(GOOD.replace("[MON, TUE, WED, THU, FRI, SAT]\n    start: \"05:30\"", "[MON, T2]\n    start: \"05:30\""))
                .reason().contains("'sessions[1].days' chỉ nhận MON, TUE, WED, THU, FRI, SAT, SUN; có 'T2'"));
        assertTrue(refused(GOOD.replace("minutes: 45", "minutes: 0")).reason().contains("'sessions[2].minutes' phải là số phút"));
        assertTrue(refused(GOOD.replace("\"17:00\"", "\"05:45\"")).reason().contains("'sessions[1]' và 'sessions[2]' chồng lên nhau"));
        assertTrue(refused(GOOD.replace("code: thon-dong", "code: Thôn Đông")).reason().contains("'stations[1].code'"));
        assertTrue(refused(GOOD + "delivery: http-push\n").reason().contains("'delivery: http-push' cần 'pushUrl'"));
        assertTrue(refused(GOOD + "delivery: ftp\n").reason().contains("'delivery' phải là file-drop hoặc http-push, đang là 'ftp'"));
        assertTrue(refused(GOOD + "dropFolder: ../ngoai\n").reason().contains("'dropFolder' phải là một thư mục con"));
        assertTrue(refused(GOOD + "tts:\n  engine: http\n").reason().contains("'tts.engine: http' cần 'tts.url'"));
        assertTrue(refused(GOOD + "tts:\n  giong: nam\n").reason().contains("'tts.giong' không phải là khóa hợp lệ"));
        assertTrue(refused(GOOD + "sesions: []\n").reason().contains("'sesions' không phải là khóa của kênh truyền thanh"));
        SourceFileException noStations = refused(GOOD.replace("stations:\n  - code: thon-dong\n    name: Cụm loa thôn Đông\n", ""));
        assertTrue(noStations.reason().contains("'stations' phải liệt kê ít nhất một cụm loa"), noStations.reason());
    }

    @Test
    void otherChannelTypesAreNotItsBusiness() {
        new LoudspeakerFileCheck().check(ChannelType.FACEBOOK_PAGE, YamlFields.parse("type: FACEBOOK_PAGE\nsessions: 3\n", 0));
    }

    @Test
    void aPublicationLandsInTheNextSessionStartingAtOrAfterItsTime() {
        SessionCalendar calendar = new SessionCalendar(List.of(
                new LoudspeakerSettings.SessionRule(java.util.EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(5, 30), 30),
                new LoudspeakerSettings.SessionRule(java.util.EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(17, 0), 45)),
                ZoneId.of("Asia/Ho_Chi_Minh"));
        // Saturday 22 May 2027, 17:10 in Hanoi: past the evening start, and there is no session on Sunday
        Session landing = calendar.landing(Instant.parse("2027-05-22T10:10:00Z"));
        assertEquals("2027-05-24_0530", landing.id());
        assertEquals(Instant.parse("2027-05-23T23:00:00Z"), landing.end());
        assertEquals("2027-05-22_1700", calendar.previous(landing).id());
        assertEquals("2027-05-24_1700", calendar.next(landing).id());
        assertEquals("2027-05-22_1700", calendar.landing(Instant.parse("2027-05-22T10:00:00Z")).id(), "at its start is in it");
        assertEquals(List.of("2027-05-22_0530", "2027-05-22_1700", "2027-05-24_0530"),
                calendar.between(Instant.parse("2027-05-21T22:30:00Z"), Instant.parse("2027-05-24T00:00:00Z")).stream().map(Session::id).toList());
    }
}
