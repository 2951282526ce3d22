package vn.herald.broadcast;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestChannels;
import vn.herald.TestClock;
import vn.herald.channel.Priority;
import vn.herald.channel.loudspeaker.ProgrammeFiles;
import vn.herald.content.LibraryFiles;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The loudspeaker file drop on a disk that fills up and on a folder that cannot be written. Where the tests run as
 * root and may mount (CI here), the drop folder is a tiny tmpfs of its own: filled for real, and remounted read-only.
 * Elsewhere the folder is made read-only with its permissions, and the full disk is skipped with a loud message.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileDropFaultTest implements TestPropertyProvider {

    /** Monday 17 May 2027, 08:00 in Hanoi; the day's session is at 17:00. */
    private static final Instant MORNING = Instant.parse("2027-05-17T01:00:00Z");

    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject Pieces pieces;
    @Inject TestClock clock;
    @Inject JsonMapper json;

    private Path drop;
    private boolean mounted;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path data = Files.createTempDirectory("herald-drop-data");
            drop = Files.createDirectories(data.resolve("loa"));
            mounted = run("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", drop.toString());
            if (!mounted) {
                System.err.println("FileDropFaultTest: cannot mount a tmpfs (not root?): the full disk is not simulated here");
            }
            Path channels = TestChannels.folder(Map.of("loa.yml", TestChannels.fileDropLoudspeaker(1, 60, "17:00")));
            return Map.of(
                    "herald.data-dir", data.toString(),
                    "herald.channels-dir", channels.toString(),
                    "herald.test.clock", "true",
                    "herald.publishing.scheduler-enabled", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void unmount() {
        if (mounted) {
            run("umount", drop.toString());
        }
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Publication aScriptOn(int day, int syllables) {
        clock.set(MORNING);
        Piece piece = pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, null, "Thông báo lịch tiêm chủng ngày " + day, null,
                null, Sounds.syllables(syllables), null, null, null, null, null, null, null, null), "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
        pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
        return publishing.schedule(piece.id(), List.of("loa"), MORNING.plus(Duration.ofDays(day)), Priority.NORMAL,
                "bien-tap").get(0);
    }

    private Path station() {
        return drop.resolve("thon-dong");
    }

    /** The session's folder as a station sees it. */
    private Path session(Publication publication) {
        return station().resolve(publishing.get(publication.id()).externalId());
    }

    /** Everything in the station's folder and its builds, to compare before and after a failed write. */
    private List<String> stationEntries() throws IOException {
        if (!Files.isDirectory(station())) {
            return List.of();
        }
        try (Stream<Path> entries = Files.walk(station())) {
            return entries.map(p -> station().relativize(p).toString()).sorted().toList();
        }
    }

    /** Every file the manifest names is there, complete: its SHA-256 is the manifest's. */
    private void assertCompleteProgramme(Publication publication) throws IOException {
        Path folder = session(publication);
        assertTrue(Files.isSymbolicLink(folder), "the session is switched to its build: " + folder);
        ProgrammeFiles.Manifest manifest = json.readValue(Files.readAllBytes(folder.resolve(ProgrammeFiles.MANIFEST)),
                ProgrammeFiles.Manifest.class);
        assertEquals(List.of(publication.id()), manifest.items().stream().map(ProgrammeFiles.ManifestItem::publicationId).toList());
        for (ProgrammeFiles.ManifestItem item : manifest.items()) {
            assertEquals(item.sha256(), LibraryFiles.sha256(Files.readAllBytes(folder.resolve(item.file()))), item.file());
        }
        assertTrue(Files.readString(folder.resolve(ProgrammeFiles.PLAYLIST)).startsWith("#EXTM3U"));
    }

    @Test
    void aFullDiskIsAClearRetryAndLeavesNothingHalfWritten() throws IOException {
        assumeTrue(mounted, "needs a tmpfs of its own (root and mount); skipped loudly above");
        Publication publication = aScriptOn(1, 4000); // a script of about 20 KB
        Path filler = drop.resolve("filler");
        long usable = Files.getFileStore(drop).getUsableSpace();
        try (OutputStream out = Files.newOutputStream(filler)) {
            out.write(new byte[(int) Math.max(0, usable - 8192)]);
        }

        List<String> before = stationEntries();
        clock.set(publication.plannedAt());
        Optional<Instant> next = dispatcher.dispatch(publication.id());
        Publication waiting = publishing.get(publication.id());
        assertEquals(PublicationStatus.RETRY_WAIT, waiting.status());
        assertTrue(next.isPresent());
        assertTrue(waiting.lastError().contains("không ghi được chương trình") && waiting.lastError().contains("No space left on device"),
                waiting.lastError());
        assertEquals(before, stationEntries(), "a failed write leaves nothing behind, and switches no session");

        Files.delete(filler);
        clock.set(next.get());
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());
        assertCompleteProgramme(publication);
    }

    @Test
    void aFolderThatCannotBeWrittenIsAClearRetryUntilItCanBe() throws IOException {
        Publication publication = aScriptOn(2, 60);
        Files.createDirectories(station());
        if (mounted) {
            assertTrue(run("mount", "-o", "remount,ro", drop.toString()), "remount read-only");
        } else {
            Files.setPosixFilePermissions(station(), PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        List<String> before = stationEntries();
        Optional<Instant> next;
        try {
            clock.set(publication.plannedAt());
            next = dispatcher.dispatch(publication.id());
        } finally {
            if (mounted) {
                assertTrue(run("mount", "-o", "remount,rw", drop.toString()), "remount read-write");
            } else {
                Files.setPosixFilePermissions(station(), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Publication waiting = publishing.get(publication.id());
        assertEquals(PublicationStatus.RETRY_WAIT, waiting.status());
        String error = waiting.lastError();
        // the folder is named inside the data folder: a path of the server never reaches the publication's page
        assertTrue(error.contains(drop.getParent().getFileName() + "/loa/thon-dong") && !error.contains(drop.toString())
                && (error.contains("Read-only file system") || error.contains("permission denied")), error);
        assertEquals(before, stationEntries(), "a failed write leaves nothing behind, and switches no session");

        clock.set(next.orElseThrow());
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));
        assertCompleteProgramme(publication);
    }
}
