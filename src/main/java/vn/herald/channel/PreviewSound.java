package vn.herald.channel;

import java.nio.file.Path;
import java.time.Duration;

/** A sound file for the preview's player: a stored recording or cached speech, with its type and length. */
public record PreviewSound(Path file, String mediaType, Duration length) {}
