package vn.herald.support;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A counter the database raises with every change to what one read shows (migration V37). */
@MappedEntity("read_version")
record ReadVersion(@Id String scope, long version) {}
