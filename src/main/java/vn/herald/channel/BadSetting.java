package vn.herald.channel;

/**
 * A setting of a channel file that cannot be used. It names the key, so the import points at its line
 * ({@code channels/facebook.yml:7: 'pageId' ...}); later, the message names the file.
 */
public class BadSetting extends IllegalArgumentException {

    private final String key;
    private final String problem;

    public BadSetting(String channelId, String key, String problem) {
        super("channels/" + channelId + ".yml: " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The key at fault, as the file writes it. */
    public String key() {
        return key;
    }

    /** What is wrong, without the file: the importer names the file and line itself. */
    public String problem() {
        return problem;
    }
}
