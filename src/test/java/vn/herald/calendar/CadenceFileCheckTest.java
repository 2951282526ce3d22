package vn.herald.calendar;

import org.junit.jupiter.api.Test;
import vn.herald.channel.ChannelType;
import vn.herald.content.SourceFileException;
import vn.herald.content.YamlFields;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CadenceFileCheckTest {

    private final CadenceFileCheck check = new CadenceFileCheck();

    private SourceFileException refused(String yaml) {
        return assertThrows(SourceFileException.class, () -> check.check(ChannelType.FACEBOOK_PAGE, YamlFields.parse(yaml, 0)));
    }

    @Test
    void aWellFormedCadenceOrNoneIsAccepted() {
        assertDoesNotThrow(() -> check.check(ChannelType.FACEBOOK_PAGE, YamlFields.parse("""
                type: FACEBOOK_PAGE
                cadence:
                  perWeek: 3
                  autofill: true
                """, 0)));
        assertDoesNotThrow(() -> check.check(ChannelType.ZALO_OA, YamlFields.parse("type: ZALO_OA\n", 0)));
    }

    @Test
    void aPerWeekThatIsNotANumberIsReportedOnItsOwnLine() {
        SourceFileException e = refused("""
                type: FACEBOOK_PAGE
                mode: live
                cadence:
                  autofill: true
                  perWeek: hai
                """);
        assertEquals(5, e.line());
        assertTrue(e.reason().contains("'cadence.perWeek'") && e.reason().contains("'hai'"), e.reason());
    }

    @Test
    void aNegativePerWeekAnAutofillThatIsNotYesOrNoAndAnUnknownKeyAreRefused() {
        assertEquals(3, refused("type: FACEBOOK_PAGE\ncadence:\n  perWeek: -1\n").line());
        SourceFileException autofill = refused("type: FACEBOOK_PAGE\ncadence:\n  perWeek: 1\n  autofill: sometimes\n");
        assertEquals(4, autofill.line());
        assertTrue(autofill.reason().contains("'cadence.autofill'"), autofill.reason());
        SourceFileException unknown = refused("type: FACEBOOK_PAGE\ncadence:\n  perWeek: 1\n  perMonth: 4\n");
        assertEquals(4, unknown.line());
        assertTrue(unknown.reason().contains("'cadence.perMonth'"), unknown.reason());
    }

    @Test
    void aCadenceThatIsNotAMappingOrHasNoNumberIsRefusedOnItsLine() {
        assertEquals(2, refused("type: FACEBOOK_PAGE\ncadence: 2\n").line());
        SourceFileException missing = refused("type: FACEBOOK_PAGE\ncadence:\n  autofill: true\n");
        assertEquals(2, missing.line());
        assertTrue(missing.reason().contains("'cadence.perWeek'"), missing.reason());
    }
}
