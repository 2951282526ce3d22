package vn.herald.account;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a user's roles as one comma-separated column, e.g. {@code EDITOR,APPROVER}. */
@Singleton
class RolesColumn implements AttributeConverter<Set<Role>, String> {
    @Override
    public String convertToPersistedValue(Set<Role> roles, ConversionContext context) {
        return roles == null ? "" : roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<Role> convertToEntityValue(String column, ConversionContext context) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(String::strip).map(Role::valueOf).forEach(roles::add);
        }
        return roles;
    }
}
