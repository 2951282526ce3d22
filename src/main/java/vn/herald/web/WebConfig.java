package vn.herald.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The editors' pages. {@code jwtSecret} (HERALD_JWT_SECRET) signs the login cookie; without it a random secret is
 * generated once and kept in the data folder, so logins survive a restart and no secret lives in the repository.
 */
@ConfigurationProperties("herald.web")
record WebConfig(@Nullable String jwtSecret) {}
