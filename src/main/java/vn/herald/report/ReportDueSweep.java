package vn.herald.report;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import vn.herald.account.Accounts;
import vn.herald.account.Role;
import vn.herald.publishing.RecurringJob;
import vn.herald.notice.NoticeKind;
import vn.herald.notice.Notices;
import vn.herald.unit.Unit;
import vn.herald.unit.Units;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Tells each unit's editors of a report coming due, once per report period: the reminders of {@code Reports} are
 * read on every run, and the period in the notice's once-key keeps a second run from telling it again.
 */
@Singleton
class ReportDueSweep implements RecurringJob {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    // a provider: reports read publishing, whose queue runs this job, so a direct reference is a bean cycle
    private final Provider<Reports> reports;
    private final Units units;
    private final Accounts accounts;
    private final Notices notices;
    private final ReportDueConfig config;

    ReportDueSweep(Provider<Reports> reports, Units units, Accounts accounts, Notices notices, ReportDueConfig config) {
        this.reports = reports;
        this.units = units;
        this.accounts = accounts;
        this.notices = notices;
        this.config = config;
    }

    @Override
    public String name() {
        return "report-due-notices";
    }

    @Override
    public Duration interval() {
        return config.sweepInterval();
    }

    @Override
    public void run() {
        for (Unit unit : units.list()) {
            List<String> editors = accounts.holding(unit.code(), Role.EDITOR).stream().map(Accounts.Account::username).toList();
            if (editors.isEmpty()) {
                continue;
            }
            for (Reports.Reminder reminder : reports.get().reminders(unit.code())) {
                String left = reminder.daysLeft() == 0 ? "hạn là hôm nay" : "còn " + reminder.daysLeft() + " ngày";
                notices.tell(editors, new Notices.Message(NoticeKind.REPORT_DUE, unit.code(),
                        reminder.title() + " sắp đến hạn", "Hạn nộp " + DAY.format(reminder.due()) + " (" + left + ").",
                        reminder.link(), "report:" + unit.code() + ":" + reminder.period().label()));
            }
        }
    }
}
