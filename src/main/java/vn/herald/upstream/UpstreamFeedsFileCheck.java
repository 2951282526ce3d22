package vn.herald.upstream;

import jakarta.inject.Singleton;
import vn.herald.channel.ChannelFileCheck;
import vn.herald.channel.ChannelType;
import vn.herald.content.SourceFileException;
import vn.herald.content.YamlFields;

import java.util.List;

/** Checks the {@code upstreamFeeds} of any channel file when it is imported, naming the line and the entry. */
@Singleton
class UpstreamFeedsFileCheck implements ChannelFileCheck {

    @Override
    public void check(ChannelType type, YamlFields fields) {
        Object value = fields.plain().get(UpstreamFeeds.KEY);
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> entries)) {
            throw new SourceFileException(fields.line(UpstreamFeeds.KEY), UpstreamFeeds.NOT_A_LIST);
        }
        for (int i = 0; i < entries.size(); i++) {
            String problem = UpstreamFeeds.problemOf(entries.get(i));
            if (problem != null) {
                throw new SourceFileException(fields.line(UpstreamFeeds.KEY), "'" + UpstreamFeeds.KEY + "[" + (i + 1) + "]': " + problem);
            }
        }
    }
}
