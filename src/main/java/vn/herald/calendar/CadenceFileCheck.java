package vn.herald.calendar;

import jakarta.inject.Singleton;
import vn.herald.channel.ChannelFileCheck;
import vn.herald.channel.ChannelType;
import vn.herald.content.SourceFileException;
import vn.herald.content.YamlFields;

/** Checks the {@code cadence} key of any channel file when it is imported, naming the line of the key at fault. */
@Singleton
class CadenceFileCheck implements ChannelFileCheck {

    @Override
    public void check(ChannelType type, YamlFields fields) {
        if (!fields.has(CadenceRules.KEY)) {
            return;
        }
        CadenceRules.Problem problem = CadenceRules.problemOf(fields.plain().get(CadenceRules.KEY));
        if (problem == null) {
            return;
        }
        int line = fields.line(CadenceRules.KEY);
        if (!problem.key().equals(CadenceRules.KEY) && fields.isMapping(CadenceRules.KEY)) {
            line = fields.mapping(CadenceRules.KEY).orElseThrow().line(problem.key());
        }
        throw new SourceFileException(line, problem.message());
    }
}
