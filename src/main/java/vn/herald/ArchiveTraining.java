package vn.herald;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The build's training run for the class-data-sharing archive (pom.xml, {@code herald.cds.training}): the service starts
 * as usual, answers one {@code /health} so the classes of a first request are loaded too, and exits; the JVM writes
 * every class it loaded into the archive ({@code -XX:ArchiveClassesAtExit}), which the launcher {@code ./herald} maps
 * at every later start instead of reading and verifying those classes again.
 */
final class ArchiveTraining {

    private static final String PROPERTY = "herald.cds.training";
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveTraining.class);

    private ArchiveTraining() {}

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    static void finish(ApplicationContext context) {
        int status;
        try {
            HttpURLConnection health = (HttpURLConnection) URI.create(
                    context.getBean(EmbeddedServer.class).getURL() + "/health").toURL().openConnection();
            try (InputStream body = health.getInputStream()) {
                body.readAllBytes();
            }
            status = health.getResponseCode() == 200 ? 0 : 1;
        } catch (IOException e) {
            LOG.error("The training run's /health did not answer", e);
            status = 1;
        }
        context.close();
        // the archive is written as the JVM exits; a thread the context left behind must not hold it open
        System.exit(status);
    }
}
