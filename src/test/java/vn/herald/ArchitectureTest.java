package vn.herald;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one dependency rule of docs/ARCHITECTURE.md: web -> features -> publishing -> channel -> content -> unit,
 * account, exposure -> support, with the root package (Application, Startup) as the composition root above all, and
 * no package cycle anywhere.
 */
class ArchitectureTest {

    private static final JavaClasses HERALD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.herald");

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("root").definedBy("vn.herald")
                .layer("web").definedBy("vn.herald.web..")
                .layer("features").definedBy("vn.herald.calendar..", "vn.herald.campaign..", "vn.herald.report..",
                        "vn.herald.portal..", "vn.herald.upstream..", "vn.herald.library..", "vn.herald.broadcast..",
                        "vn.herald.notice..", "vn.herald.plan..", "vn.herald.engagement..")
                .layer("publishing").definedBy("vn.herald.publishing..")
                .layer("channel").definedBy("vn.herald.channel..")
                .layer("content").definedBy("vn.herald.content..")
                .layer("foundation").definedBy("vn.herald.unit..", "vn.herald.account..", "vn.herald.exposure..")
                .layer("support").definedBy("vn.herald.support..")
                .whereLayer("root").mayNotBeAccessedByAnyLayer()
                .whereLayer("web").mayOnlyBeAccessedByLayers("root")
                .whereLayer("features").mayOnlyBeAccessedByLayers("root", "web", "features")
                .whereLayer("publishing").mayOnlyBeAccessedByLayers("root", "web", "features")
                .whereLayer("channel").mayOnlyBeAccessedByLayers("root", "web", "features", "publishing")
                .whereLayer("content").mayOnlyBeAccessedByLayers("root", "web", "features", "publishing", "channel")
                .whereLayer("foundation").mayOnlyBeAccessedByLayers("root", "web", "features", "publishing", "channel",
                        "content", "foundation")
                .check(HERALD);
    }

    @Test
    void noPackageCycleExists() {
        slices().matching("vn.herald.(**)").should().beFreeOfCycles().check(HERALD);
    }
}
