package vn.herald.report;

import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.herald.content.CleanText;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Reports as CSV for spreadsheets: one table whose first column names the report section. Starts with a byte-order
 * mark because Excel, which most units open it with, otherwise reads UTF-8 Vietnamese as Windows-1252.
 */
@Singleton
class ReportSheets {

    static final char BOM = '\uFEFF';
    static final String[] REPORT_HEADER = {"Mục", "Nội dung", "Kênh", "Số lượng", "Thời gian", "Liên kết", "Ghi chú",
            "Yêu cầu", "Đã đạt", "Đạt chỉ tiêu"};
    static final String TASK_SECTION = "Nhiệm vụ kế hoạch";
    static final String TARGET_SECTION = "Chỉ tiêu kế hoạch";
    static final String[] OVERVIEW_HEADER = {"Mã đơn vị", "Đơn vị", "Tỷ lệ tuần đạt tần suất (%)", "Số tuần không đạt",
            "Tin, bài đã đăng", "Kênh đang tạm dừng", "Tin, bài cần xử lý", "Kết quả nhiệm vụ đạt", "Kết quả nhiệm vụ đo được",
            "Chỉ tiêu kế hoạch đạt", "Chỉ tiêu kế hoạch đo được", "Nhiệm vụ quá hạn", "Số dân", "Số hộ",
            "Người dân được tiếp cận", "Tỷ lệ tiếp cận"};
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    String report(Report report) {
        ZoneId zone = ZoneId.of(report.unit().zone());
        return write(REPORT_HEADER, csv -> {
            Report.Totals totals = report.totals();
            csv.printRecord("Kết quả chung", "Tin, bài đã đăng, phát", "", totals.published(), "", "", "", "", "", "");
            csv.printRecord("Kết quả chung", "Mục chạy thử (chưa gửi thật)", "", totals.dryRun(), "", "", "", "", "", "");
            csv.printRecord("Kết quả chung", "Tin, bài gặp sự cố khi gửi", "", totals.failures(), "", "", "", "", "", "");
            csv.printRecord("Kết quả chung", "Thời lượng phát trên loa (phút)", "", totals.loudspeakerMinutes(), "", "",
                    totals.loudspeakerItemsWithoutDuration() == 0 ? "" : totals.loudspeakerItemsWithoutDuration() + " mục chưa rõ thời lượng", "", "", "");
            Report.ReachLine reach = report.reach();
            csv.printRecord("Độ bao phủ", "Số dân", "", reach.population() == null ? "" : reach.population(), "", "",
                    reach.population() == null ? Report.NO_DATA : "", "", "", "");
            csv.printRecord("Độ bao phủ", "Số hộ", "", reach.households() == null ? "" : reach.households(), "", "",
                    reach.households() == null ? Report.NO_DATA : "", "", "", "");
            csv.printRecord("Độ bao phủ", "Số người dân được tiếp cận thông tin", "", reach.reached() == null ? "" : reach.reached(),
                    "", "", reach.reached() == null ? Report.NO_DATA : reach.share() + " số dân", "", "", "");
            for (Report.ReachPart part : reach.parts()) {
                csv.printRecord("Độ bao phủ", "Tiếp cận qua " + part.label(), part.type().name(), part.people(), "", "", part.basis(), "", "", "");
            }
            for (Report.ChannelCount c : report.byChannel()) {
                csv.printRecord("Theo kênh", c.name(), c.channelId(), c.published(), "", "", c.dryRun() + " mục chạy thử", "", "", "");
            }
            for (Report.Count c : report.byChannelType()) {
                csv.printRecord("Theo loại kênh", c.label(), "", c.count(), "", "", "", "", "", "");
            }
            for (Report.Count c : report.byKind()) {
                csv.printRecord("Theo loại nội dung", c.label(), "", c.count(), "", "", "", "", "", "");
            }
            for (Report.Count c : report.byTopic()) {
                csv.printRecord("Theo chủ đề", c.label(), "", c.count(), "", "", "", "", "", "");
            }
            for (Report.Count c : report.byAudience()) {
                csv.printRecord("Theo đối tượng", c.label(), "", c.count(), "", "", "", "", "", "");
            }
            for (Report.CadenceLine c : report.cadence()) {
                csv.printRecord("Tần suất hằng tuần", "Ít nhất " + c.perWeek() + "/tuần: đạt " + c.weeksMet() + "/" + c.weeksChecked()
                        + " tuần", c.channelId(), c.percentMet(), "", "", String.join(" ", c.weeksMissed()), "", "", "");
            }
            for (Report.CampaignLine c : report.campaigns()) {
                csv.printRecord("Đợt tuyên truyền", c.campaign(), c.channelId(), c.published(), "", "", "kế hoạch " + c.planned(), "", "", "");
            }
            for (Report.Failure f : report.failures()) {
                csv.printRecord("Sự cố khi gửi", f.title(), f.channelName(), "", MINUTE.format(f.plannedAt().atZone(zone)), "",
                        f.endingLabel() + (f.lastError() == null ? "" : ": " + f.lastError()), "", "", "");
            }
            for (Report.Item item : report.published()) {
                csv.printRecord("Đã đăng, phát", item.title(), item.channelName(), "", MINUTE.format(item.plannedAt().atZone(zone)),
                        item.url() == null ? "" : item.url(), "", "", "", "");
            }
            // one row per task and output: the numbers a spreadsheet sums; free-text outputs have none and are left out
            for (Report.PlanSection plan : report.plans()) {
                for (Report.TargetLine target : plan.targets()) {
                    csv.printRecord(TARGET_SECTION, target.title(), "", "", target.by() == null ? "" : target.by().toString(), "",
                            "Kế hoạch " + plan.number(), target.goalPercent() == null ? "" : target.goalPercent() + "%",
                            target.achieved() == null ? "" : target.achieved(), target.verdict());
                }
                for (Report.TaskSection task : plan.tasks()) {
                    for (Report.OutputLine output : task.outputs()) {
                        if (output.measurable()) {
                            csv.printRecord(TASK_SECTION, task.title(), output.text(), "", "", "",
                                    "Kế hoạch " + plan.number() + (task.overdue() ? "; nhiệm vụ quá hạn" : ""),
                                    output.expected(), output.achieved(), output.met() ? "Đạt" : "Chưa đạt");
                        }
                    }
                }
            }
        });
    }

    String overview(Overview overview) {
        return write(OVERVIEW_HEADER, csv -> {
            for (Overview.Row row : overview.rows()) {
                csv.printRecord(row.unitCode(), row.unitName(), row.compliancePercent() == null ? "" : row.compliancePercent(),
                        row.weeksMissed(), row.published(), row.pausedChannels(), row.needsAttention(), row.outputsMet(),
                        row.outputsMeasurable(), row.targetsMet(), row.targetsMeasured(), row.tasksOverdue(),
                        row.population() == null ? "" : row.population(), row.households() == null ? "" : row.households(),
                        row.reached() == null ? "" : row.reached(), row.reachedShare() == null ? "" : row.reachedShare());
            }
        });
    }

    private interface Rows {
        void print(Printer csv) throws IOException;
    }

    /** Every record goes through {@link #cell}: no text written here can run as a formula or carry a control character. */
    private record Printer(CSVPrinter csv) {
        void printRecord(Object... values) throws IOException {
            csv.printRecord(java.util.Arrays.stream(values).map(ReportSheets::cell).toArray());
        }
    }

    /**
     * A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, tab or CR) gets a leading
     * single quote, as OWASP advises for CSV injection: Excel and LibreOffice then show it as text. Numbers stay
     * numbers; control characters other than newline are removed.
     */
    static Object cell(Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        String clean = CleanText.text(text);
        return runsAsFormula(text) || runsAsFormula(clean) ? "'" + clean : clean;
    }

    private static boolean runsAsFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    private static String write(String[] header, Rows rows) {
        StringWriter out = new StringWriter();
        out.append(BOM);
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(header).get().print(out)) {
            rows.print(new Printer(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
