package vn.herald.channel.loudspeaker;

/** Turns a script into audio bytes (WAV, MP3 or OGG). */
public interface SpeechEngine {

    LoudspeakerSettings.SpeechEngineKind kind();

    byte[] speak(String text, LoudspeakerSettings.Speech speech) throws SpeechException;
}
