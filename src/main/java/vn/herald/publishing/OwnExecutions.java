package vn.herald.publishing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The queue entries this instance had picked when it stopped without finishing them (a crash): a restarted instance
 * gives them back to the queue, due now, instead of waiting for the dead-execution time that protects against
 * another instance's silence. The dispatch that picks one up next finds its publication SENDING and reconciles.
 */
final class OwnExecutions {

    private final DataSource dataSource;
    private final String instanceName;

    OwnExecutions(DataSource dataSource, String instanceName) {
        this.dataSource = dataSource;
        this.instanceName = instanceName;
    }

    /**
     * Frees the entries picked under this instance's name whose last heartbeat is before {@code silentSince}: a
     * live instance beats every heartbeat interval, so such an entry belongs to this instance's previous life even
     * if another live instance was wrongly given the same name. Answers how many were freed.
     */
    int release(Instant silentSince, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update scheduled_tasks set picked = false, "
                     + "picked_by = null, last_heartbeat = null, execution_time = ?, version = version + 1 "
                     + "where picked = true and picked_by = ? and (last_heartbeat is null or last_heartbeat < ?)")) {
            update.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            update.setString(2, instanceName);
            update.setObject(3, OffsetDateTime.ofInstant(silentSince, ZoneOffset.UTC));
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("freeing the interrupted sends of instance " + instanceName + ": " + e.getMessage(), e);
        }
    }
}
