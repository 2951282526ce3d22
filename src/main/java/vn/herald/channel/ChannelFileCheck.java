package vn.herald.channel;

import vn.herald.content.YamlFields;

/**
 * An adapter's own check of its channel file, run by the import so that a broken setting is reported with the file
 * and line, before anything is scheduled on the channel.
 */
public interface ChannelFileCheck {

    /** Throws {@link vn.herald.content.SourceFileException} naming the key when a setting of this type is wrong. */
    void check(ChannelType type, YamlFields fields);
}
