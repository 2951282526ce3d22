package vn.herald.campaign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.channel.ChannelType;

import java.util.List;
import java.util.Map;

/**
 * A yearly campaign around a national day, as written in {@code content/campaigns/*.yml}: the window opens
 * {@code leadDays} before the day ({@code MM-DD}) and closes {@code tailDays} after; pieces carrying {@code tag}
 * feed it.
 */
@Serdeable
public record CampaignTemplate(String code, String name, String day, int leadDays, int tailDays, String tag,
                               List<String> topics, Map<ChannelType, Cadence> cadence, @Nullable String description) {}
