package vn.herald.campaign;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A template as stored: its definition as JSON, and the hash of the file it came from. */
@MappedEntity("campaign_template")
record CampaignTemplateRow(@Id String code, String name, String definition, String sourceHash, Instant updatedAt) {}
