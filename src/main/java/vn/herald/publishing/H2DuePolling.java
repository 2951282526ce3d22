package vn.herald.publishing;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.Queries;

/**
 * db-scheduler's look for due entries on the embedded H2, ordered so that H2 reads them off the index of unpicked
 * entries by due time and stops at the limit. Ordered by due time alone (db-scheduler's own query), H2 read every
 * due entry and sorted them on every poll: with 5,000 due that cost about 6 ms a poll. A lock-and-fetch claim, as
 * PostgreSQL has, is no gain here: H2's {@code FOR UPDATE} reads every due entry whatever the order (about 25 ms).
 */
final class H2DuePolling extends DefaultJdbcCustomization {

    H2DuePolling() {
        // as db-scheduler's detection sets it for H2: the columns keep their zone
        super(false);
    }

    @Override
    public String getName() {
        return "H2 (due entries by index)";
    }

    @Override
    public String createSelectDueQuery(String tableName, int limit, String requiredAndCondition, boolean orderByPriority) {
        // picked is fixed by the condition, so this is the same order as by due time alone
        String order = orderByPriority ? Queries.ansiSqlOrderPart(true) : " ORDER BY picked, execution_time ASC";
        return "select * from " + tableName + " where picked = ? and execution_time <= ? " + requiredAndCondition + order
                + getQueryLimitPart(limit);
    }
}
