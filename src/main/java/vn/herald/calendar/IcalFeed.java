package vn.herald.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A calendar feed and the fingerprint of its secret token: {@code tokenHash} finds it, {@code tokenSealed} lets an
 * admin see the URL again; neither reveals the token without the key kept outside the database.
 */
@MappedEntity("ical_feed")
record IcalFeed(
        @Id @GeneratedValue @Nullable Long id,
        IcalScope scope,
        // the unit code or the channel id
        String subject,
        String tokenHash,
        String tokenSealed,
        Instant createdAt,
        // when the current token was made: at creation or the last regeneration
        Instant issuedAt) {

    IcalFeed withToken(String hash, String sealed, Instant at) {
        return new IcalFeed(id, scope, subject, hash, sealed, createdAt, at);
    }
}
