package vn.herald.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.Set;

/** A person who logs in. The password is only ever kept as a bcrypt hash. */
@MappedEntity("app_user")
record User(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String displayName,
        String passwordHash,
        @TypeDef(type = DataType.STRING, converter = RolesColumn.class) @MappedProperty("roles") Set<Role> roles,
        @Nullable String unitCode,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {}
