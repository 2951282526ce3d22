package vn.herald.calendar;

import io.micronaut.serde.annotation.Serdeable;
import vn.herald.channel.ChannelType;

import java.time.Instant;

/**
 * At least {@code perWeek} publications on the channel in every ISO week of its unit. {@code fromChannelFile} tells
 * whether the channel file set it or the default of its type applies; {@code since} is when the channel was
 * configured: earlier weeks are not held against it.
 */
@Serdeable
public record CadenceRule(String unitCode, String channelId, String channelName, ChannelType channelType, int perWeek,
                          boolean autofill, boolean fromChannelFile, Instant since) {}
