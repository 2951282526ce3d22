package vn.herald.content;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * What an uploaded video may be: short clips for a commune's page and screens, at most Full HD either way up
 * (1920 x 1080 or 1080 x 1920), so a phone on a village network can still play it.
 *
 * @param ffprobe        the ffprobe command, looked up on the PATH when it has no folder
 * @param ffmpeg         the ffmpeg command (making videos, converting audio), looked up the same way
 * @param maxBytes       the largest file accepted
 * @param maxSeconds     the longest duration accepted
 * @param maxLongSide    the most pixels along the longer side
 * @param maxShortSide   the most pixels along the shorter side
 * @param probeSeconds   how long ffprobe may read a file before it is given up as unreadable
 */
@ConfigurationProperties("herald.video")
public record VideoConfig(@Bindable(defaultValue = "ffprobe") String ffprobe,
                          @Bindable(defaultValue = "ffmpeg") String ffmpeg,
                          @Bindable(defaultValue = "524288000") @Min(1024) long maxBytes,
                          @Bindable(defaultValue = "900") @Min(1) int maxSeconds,
                          @Bindable(defaultValue = "1920") @Min(16) int maxLongSide,
                          @Bindable(defaultValue = "1080") @Min(16) int maxShortSide,
                          @Bindable(defaultValue = "30") @Min(1) int probeSeconds) {}
