package vn.herald.channel.loudspeaker;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.herald.support.Folders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Drops programmes into the station folders under the data folder: {@code <dropFolder>/<station>/<session>/}. Each
 * build is written complete into {@code .builds/}, then the session's name is switched to it by renaming a symbolic
 * link over the old one, which POSIX does atomically: a station sees the old programme or the new one, never half.
 * The build before stays until the next switch, for a station still reading it.
 */
@Singleton
public class FileDrop {

    static final String BUILDS = ".builds";

    private final Folders folders;
    private final JsonMapper json;
    private final Clock clock;

    FileDrop(Folders folders, JsonMapper json, Clock clock) {
        this.folders = folders;
        this.json = json;
        this.clock = clock;
    }

    public Path stationFolder(LoudspeakerSettings settings, LoudspeakerSettings.Station station) {
        return folders.dataDir().resolve(settings.dropFolder()).resolve(station.code());
    }

    /** Writes the programme for every station; answers the folder of the first. */
    public Path deliver(LoudspeakerSettings settings, Programme programme) throws IOException {
        Path first = null;
        for (LoudspeakerSettings.Station station : settings.stations()) {
            Path folder = stationFolder(settings, station);
            write(folder, programme.id(), ProgrammeFiles.of(programme, station, clock.instant(), json));
            first = first == null ? folder.resolve(programme.id()) : first;
        }
        return first;
    }

    private void write(Path stationFolder, String session, ProgrammeFiles files) throws IOException {
        Path builds = stationFolder.resolve(BUILDS);
        PlayoutPermissions.folders(builds);
        String build = session + "." + System.currentTimeMillis() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path buildDir = builds.resolve(build);
        Files.createDirectory(buildDir);
        try {
            PlayoutPermissions.folder(buildDir);
            for (ProgrammeFiles.OutFile file : files.files()) {
                Path target = buildDir.resolve(file.name());
                if (file.source() != null) {
                    // a copy keeps its source's mode, and stored uploads and speech are 0600
                    Files.copy(file.source(), target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.write(target, file.bytes());
                }
                PlayoutPermissions.file(target);
            }
        } catch (IOException e) {
            // a full disk: the half-written build is never switched to, and leaving it would keep the disk full
            try {
                deleteTree(buildDir);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        Path link = stationFolder.resolve(session);
        Optional<Path> previous = Files.isSymbolicLink(link) ? Optional.of(Files.readSymbolicLink(link).getFileName())
                : Optional.empty();
        if (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
            // a session folder a person made by hand: keep it among the builds instead of failing the switch
            Files.move(link, builds.resolve(session + ".manual-" + UUID.randomUUID().toString().substring(0, 8)));
        }
        Path tempLink = stationFolder.resolve("." + build + ".link");
        Files.createSymbolicLink(tempLink, Path.of(BUILDS, build));
        Files.move(tempLink, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        removeOldBuilds(builds, session, build, previous.map(Path::toString).orElse(""));
    }

    private static void removeOldBuilds(Path builds, String session, String current, String previous) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(builds, session + ".*")) {
            for (Path old : entries) {
                String name = old.getFileName().toString();
                if (!name.equals(current) && !name.equals(previous)) {
                    deleteTree(old);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Whether every station's current programme of this session carries the publication. */
    public boolean carries(LoudspeakerSettings settings, String session, long publicationId) {
        return stationsCarrying(settings, session, publicationId).size() == settings.stations().size();
    }

    /** The stations whose current programme of this session carries the publication: those that play it. */
    public List<LoudspeakerSettings.Station> stationsCarrying(LoudspeakerSettings settings, String session, long publicationId) {
        List<LoudspeakerSettings.Station> carrying = new ArrayList<>();
        for (LoudspeakerSettings.Station station : settings.stations()) {
            Path manifest = stationFolder(settings, station).resolve(session).resolve(ProgrammeFiles.MANIFEST);
            if (!Files.isRegularFile(manifest)) {
                continue;
            }
            try {
                ProgrammeFiles.Manifest read = json.readValue(Files.readAllBytes(manifest), ProgrammeFiles.Manifest.class);
                if (read.items().stream().anyMatch(item -> item.publicationId() == publicationId)) {
                    carrying.add(station);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + manifest, e);
            }
        }
        return carrying;
    }
}
