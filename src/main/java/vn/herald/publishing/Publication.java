package vn.herald.publishing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.channel.Priority;

import java.time.Instant;

/** A piece on a channel at a planned instant, with the exact payload that will be sent. */
@Serdeable
@MappedEntity("publication")
public record Publication(
        @Id @GeneratedValue @Nullable Long id,
        long pieceId,
        int pieceRevision,
        String channelId,
        String unitCode,
        Instant plannedAt,
        Instant deadline,
        PublicationStatus status,
        String payload,
        String payloadSummary,
        @Nullable String externalId,
        @Nullable String externalUrl,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable String dryRunRequest,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        // Circular 39 priority; only the loudspeaker channel acts on it
        Priority priority,
        // what a person should know that is not a failure, e.g. an item to be read live
        @Nullable String warning) {

    /** Done on a dry-run channel: the request was kept, nothing reached the platform, so it holds no post there. */
    public boolean dryRunOnly() {
        return status == PublicationStatus.PUBLISHED && externalId == null && dryRunRequest != null;
    }

        Publication with(PublicationStatus next, Instant at) {
        return new Publication(id, pieceId, pieceRevision, channelId, unitCode, plannedAt, deadline, next, payload,
                payloadSummary, externalId, externalUrl, attempts, nextAttemptAt, lastError, dryRunRequest, createdBy,
                createdAt, at, priority, warning);
    }

    Publication withPlan(Instant planned, Instant newDeadline) {
        return new Publication(id, pieceId, pieceRevision, channelId, unitCode, planned, newDeadline, status, payload,
                payloadSummary, externalId, externalUrl, attempts, planned, lastError, dryRunRequest, createdBy,
                createdAt, updatedAt, priority, warning);
    }

    Publication withPayload(int revision, String newPayload, String summary) {
        return new Publication(id, pieceId, revision, channelId, unitCode, plannedAt, deadline, status, newPayload,
                summary, externalId, externalUrl, attempts, nextAttemptAt, lastError, dryRunRequest, createdBy,
                createdAt, updatedAt, priority, warning);
    }

    Publication withAttempt(int number) {
        return new Publication(id, pieceId, pieceRevision, channelId, unitCode, plannedAt, deadline, status, payload,
                payloadSummary, externalId, externalUrl, number, null, lastError, dryRunRequest, createdBy,
                createdAt, updatedAt, priority, warning);
    }

    Publication withWarning(@Nullable String newWarning) {
        return new Publication(id, pieceId, pieceRevision, channelId, unitCode, plannedAt, deadline, status, payload,
                payloadSummary, externalId, externalUrl, attempts, nextAttemptAt, lastError, dryRunRequest, createdBy,
                createdAt, updatedAt, priority, newWarning);
    }

    Publication withResult(@Nullable String newExternalId, @Nullable String newUrl, @Nullable Instant next,
                           @Nullable String error, @Nullable String dryRun) {
        return new Publication(id, pieceId, pieceRevision, channelId, unitCode, plannedAt, deadline, status, payload,
                payloadSummary, newExternalId, newUrl, attempts, next, error, dryRun, createdBy, createdAt, updatedAt,
                priority, warning);
    }
}
