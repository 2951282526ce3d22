package vn.herald.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.herald.support.ItemList;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.exposure.ContentPolicy;

import java.util.Locale;

/**
 * Reports, reminders and the province overview, for the units the caller reaches: a commune reads its own, a
 * provincial office those of every commune below it (see {@code vn.herald.unit.Access}).
 */
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ReportController {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private enum Format { JSON, HTML, CSV, DOCX }

    private final Reports reports;
    private final ReportPages pages;
    private final ReportSheets sheets;
    private final ReportDocuments documents;

    ReportController(Reports reports, ReportPages pages, ReportSheets sheets, ReportDocuments documents) {
        this.reports = reports;
        this.pages = pages;
        this.sheets = sheets;
        this.documents = documents;
    }

    @Get("/reports")
    HttpResponse<?> report(@Nullable @QueryValue String unit, @Nullable @QueryValue String period,
                           @Nullable @QueryValue String format) {
        Report report = reports.report(unit, required(period));
        String file = "bao-cao-" + report.unit().code() + "-" + report.period().label();
        return switch (format(format)) {
            case JSON -> HttpResponse.ok(report);
            case HTML -> html(pages.report(report));
            case CSV -> download(sheets.report(report), "text/csv; charset=utf-8", file + ".csv");
            case DOCX -> download(documents.report(report), DOCX, file + ".docx");
        };
    }

    @Get("/reminders")
    ItemList<Reports.Reminder> reminders(@Nullable @QueryValue String unit) {
        return ItemList.of(reports.reminders(unit));
    }

    @Get("/overview")
    HttpResponse<?> overview(@Nullable @QueryValue String unit, @Nullable @QueryValue String period,
                             @Nullable @QueryValue String sort, @Nullable @QueryValue String order,
                             @Nullable @QueryValue String format) {
        Overview overview = reports.overview(unit, required(period), sort(sort), descending(order));
        String file = "tong-hop-" + overview.parent().code() + "-" + overview.period().label();
        return switch (format(format)) {
            case JSON -> HttpResponse.ok(overview);
            case HTML -> html(pages.overview(overview));
            case CSV -> download(sheets.overview(overview), "text/csv; charset=utf-8", file + ".csv");
            case DOCX -> download(documents.overview(overview), DOCX, file + ".docx");
        };
    }

    private static String required(@Nullable String period) {
        if (period == null || period.isBlank()) {
            throw Refusal.invalid("period", RefusalCode.PERIOD_REQUIRED);
        }
        return period;
    }

    private static Format format(@Nullable String format) {
        if (format == null || format.isBlank()) {
            return Format.JSON;
        }
        try {
            return Format.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("format", RefusalCode.REPORT_FORMAT_UNKNOWN, format);
        }
    }

    private static Overview.Sort sort(@Nullable String sort) {
        if (sort == null || sort.isBlank()) {
            return Overview.Sort.NAME;
        }
        try {
            return Overview.Sort.valueOf(sort.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("sort", RefusalCode.REPORT_SORT_UNKNOWN, sort);
        }
    }

    private static boolean descending(@Nullable String order) {
        if (order == null || order.isBlank() || order.equalsIgnoreCase("asc")) {
            return false;
        }
        if (order.equalsIgnoreCase("desc")) {
            return true;
        }
        throw Refusal.invalid("order", RefusalCode.ORDER_UNKNOWN, order);
    }

    private static HttpResponse<String> html(String page) {
        return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                .header(ContentPolicy.HEADER, ContentPolicy.withInlineStyles(page));
    }

    private static <T> HttpResponse<T> download(T body, String type, String fileName) {
        return HttpResponse.ok(body).contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
    }
}
