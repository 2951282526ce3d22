package vn.herald.campaign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A campaign instance: a template's year for one unit (or a custom campaign), unique by (code, year, unit).
 * {@code rules} is the tag, topics and cadence as launched (JSON), so a later edit of the template file does not
 * change a running campaign.
 */
@MappedEntity("campaign")
record Campaign(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        @MappedProperty("campaign_year") int year,
        String unitCode,
        CampaignOrigin origin,
        String name,
        @MappedProperty("definition") String rules,
        LocalDate windowStart,
        LocalDate windowEnd,
        Instant launchedAt,
        String launchedBy) {

    CampaignWindow window() {
        return new CampaignWindow(windowStart, windowEnd);
    }
}
