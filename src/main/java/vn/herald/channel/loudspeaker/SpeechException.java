package vn.herald.channel.loudspeaker;

/** Speech could not be made; the message says why, for the warning people see. */
public class SpeechException extends Exception {
    public SpeechException(String message) {
        super(message);
    }
}
