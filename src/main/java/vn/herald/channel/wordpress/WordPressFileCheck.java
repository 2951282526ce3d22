package vn.herald.channel.wordpress;

import jakarta.inject.Singleton;
import vn.herald.channel.ChannelFileCheck;
import vn.herald.channel.BadSetting;
import vn.herald.channel.ChannelType;
import vn.herald.content.SourceFileException;
import vn.herald.content.YamlFields;

import java.util.Locale;

/** Checks a WordPress portal's channel file when it is imported, so a wrong setting names its line at once. */
@Singleton
class WordPressFileCheck implements ChannelFileCheck {

    @Override
    public void check(ChannelType type, YamlFields fields) {
        boolean wordPress = fields.text("platform").map(p -> p.toLowerCase(Locale.ROOT).equals(WordPressSettings.PLATFORM))
                .orElse(false);
        if (type != ChannelType.EPORTAL || !wordPress) {
            return;
        }
        try {
            WordPressSettings.of("", fields.plain());
        } catch (BadSetting e) {
            throw new SourceFileException(fields.line(e.key()), e.problem());
        }
    }
}
