package vn.herald.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a spreadsheet would run as a formula reaches it as text (OWASP CSV injection). */
class ReportSheetsTest {

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaStartsWithAQuote() {
        assertEquals("'=HYPERLINK(\"http://x\",\"bấm\")", ReportSheets.cell("=HYPERLINK(\"http://x\",\"bấm\")"));
        assertEquals("'+84 912 345 678", ReportSheets.cell("+84 912 345 678"));
        assertEquals("'-1+cmd|' /C calc'!A0", ReportSheets.cell("-1+cmd|' /C calc'!A0"));
        assertEquals("'@SUM(A1:A2)", ReportSheets.cell("@SUM(A1:A2)"));
        assertEquals("'\t=1", ReportSheets.cell("\t=1"));
        assertEquals("'\n=1", ReportSheets.cell("\r=1"));
        assertEquals("'=1", ReportSheets.cell("\u0000=1"), "a control character in front hides nothing");
    }

    @Test
    void ordinaryTextAndNumbersAreLeftAlone() {
        assertEquals("Lịch tiêm chủng tháng 5 - xã Hòa An", ReportSheets.cell("Lịch tiêm chủng tháng 5 - xã Hòa An"));
        assertEquals(-3, ReportSheets.cell(-3));
        assertEquals("", ReportSheets.cell(""));
    }
}
