package vn.herald.library;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.support.Folders;
import vn.herald.campaign.CampaignTemplates;
import vn.herald.channel.ChannelFiles;
import vn.herald.content.ContentLibrary;
import vn.herald.content.FileOutcome;
import vn.herald.exposure.ServerPaths;
import vn.herald.plan.Plans;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Imports the repository's two data folders, {@code channels/} and {@code content/} (plans, campaign templates and
 * pieces), and keeps the report of each run.
 */
@Singleton
public class Imports {

    private static final Logger LOG = LoggerFactory.getLogger(Imports.class);

    private final ChannelFiles channels;
    private final ContentLibrary content;
    private final CampaignTemplates campaigns;
    private final Plans plans;
    private final ImportRunRepository runs;
    private final Folders folders;
    private final ServerPaths paths;
    private final JsonMapper json;
    private final Clock clock;

    Imports(ChannelFiles channels, ContentLibrary content, CampaignTemplates campaigns, Plans plans,
            ImportRunRepository runs, Folders folders, JsonMapper json, Clock clock, ServerPaths paths) {
        this.plans = plans;
        this.paths = paths;
        this.channels = channels;
        this.content = content;
        this.campaigns = campaigns;
        this.runs = runs;
        this.folders = folders;
        this.json = json;
        this.clock = clock;
    }

    /** Runs one import; serialised so two requests never import the same file side by side in one instance. */
    public synchronized ImportReport run(String triggeredBy) {
        Instant started = clock.instant();
        List<FileOutcome> files = new ArrayList<>(channels.importAll(folders.channelsDir()));
        // plans first: campaign templates and pieces name the plan tasks they serve
        files.addAll(plans.importAll(folders.contentDir().resolve("plans")));
        files.addAll(campaigns.importAll(folders.contentDir().resolve("campaigns")));
        files.addAll(content.importAll(folders.contentDir()));
        // a file system error names the file by its absolute path: the report names it inside the library
        files.replaceAll(file -> file.reason() == null ? file
                : new FileOutcome(file.path(), file.result(), file.line(), paths.hide(file.reason())));
        ImportReport report = ImportReport.of(started, clock.instant(), triggeredBy, files);
        try {
            runs.save(new ImportRun(null, report.startedAt(), report.finishedAt(), triggeredBy, report.imported(),
                    report.updated(), report.unchanged(), report.archived(), report.errors(), json.writeValueAsString(report)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info(report.summary());
        report.problems().forEach(p -> LOG.warn("Import error: {}", p.message()));
        return report;
    }

    public Optional<ImportReport> latest() {
        return runs.findFirstOrderByIdDesc().map(run -> {
            try {
                return json.readValue(run.report(), Argument.of(ImportReport.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
