package vn.herald.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One failed login, counted against a key: the SHA-256 of {@code user:<name>} or {@code address:<ip>}. */
@MappedEntity("login_failure")
record LoginFailure(@Id @GeneratedValue @Nullable Long id, String keyHash, Instant failedAt) {}
