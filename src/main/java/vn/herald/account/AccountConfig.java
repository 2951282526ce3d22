package vn.herald.account;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** The first admin's password, from HERALD_ADMIN_PASSWORD; without it a password is generated on first start. */
@ConfigurationProperties("herald.admin")
record AccountConfig(@Nullable String password) {}
