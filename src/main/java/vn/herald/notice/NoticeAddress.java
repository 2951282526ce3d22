package vn.herald.notice;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The email address a person chose for their notices. */
@MappedEntity("notice_address")
record NoticeAddress(@Id String username, String email, Instant updatedAt) {}
