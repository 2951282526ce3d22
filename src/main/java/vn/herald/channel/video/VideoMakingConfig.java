package vn.herald.channel.video;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * How Herald makes a video from a piece (docs/video-making.md).
 *
 * @param fontFile        the TrueType font of the title card and the burned-in captions: it must carry Vietnamese
 *                        (Debian's fonts-dejavu-core does)
 * @param titleCard       how long the title card (the unit's name and the piece's title) shows before the sound starts
 * @param timeLimit       the longest one ffmpeg run may take before the video is given up
 * @param framesPerSecond frame rate of the made video: still pictures need few, captions change at cue edges only
 * @param preset          libx264's speed preset: faster makes larger files
 * @param quality         libx264's constant rate factor (lower is better and larger)
 * @param voice           espeak-ng's voice for a piece without a recording, as the loudspeakers speak it
 * @param speechSeconds   the longest espeak-ng may take to speak a piece
 * @param queue           how many videos may wait to be made; more are refused as busy rather than piling up
 */
@ConfigurationProperties("herald.video-making")
public record VideoMakingConfig(
        @Bindable(defaultValue = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") @NotBlank String fontFile,
        @Bindable(defaultValue = "3s") @NotNull Duration titleCard,
        @Bindable(defaultValue = "10m") @NotNull Duration timeLimit,
        @Bindable(defaultValue = "25") @Min(1) @Max(60) int framesPerSecond,
        @Bindable(defaultValue = "veryfast") @NotBlank String preset,
        @Bindable(defaultValue = "23") @Min(0) @Max(51) int quality,
        @Bindable(defaultValue = "vi") @NotBlank String voice,
        @Bindable(defaultValue = "120") @Min(1) int speechSeconds,
        @Bindable(defaultValue = "20") @Min(1) int queue) {}
