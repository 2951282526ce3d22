package vn.herald.publishing;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.Queries;

/**
 * db-scheduler on the embedded H2 with the claim PostgreSQL has: one {@code SELECT ... FOR UPDATE SKIP LOCKED}
 * and one batch marking what it found as picked, per poll, instead of one update per entry picked. db-scheduler
 * knows no H2 form of it; H2 takes the lock clause only after the row limit, so the query is written here.
 */
final class H2LockAndFetch extends DefaultJdbcCustomization {

    H2LockAndFetch() {
        // as db-scheduler's detection sets it for H2: the columns keep their zone
        super(false);
    }

    @Override
    public String getName() {
        return "H2 (lock and fetch)";
    }

    @Override
    public boolean supportsGenericLockAndFetch() {
        return true;
    }

    @Override
    public String createGenericSelectForUpdateQuery(String tableName, int limit, String requiredAndCondition,
                                                    boolean orderByPriority) {
        return "SELECT * FROM " + tableName + " WHERE picked = ? AND execution_time <= ? " + requiredAndCondition
                + Queries.ansiSqlOrderPart(orderByPriority) + " FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED";
    }
}
