package vn.herald.channel.loudspeaker;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Playout software runs as another user and must read what Herald drops: files 0644, folders 0755, set explicitly
 * because the process umask (a service's is often 077) and copies of 0600 temporary files would otherwise decide.
 */
final class PlayoutPermissions {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-xr-x");

    private PlayoutPermissions() {
    }

    static void file(Path path) throws IOException {
        set(path, FILE);
    }

    static void folder(Path path) throws IOException {
        set(path, FOLDER);
    }

    /**
     * Creates the folder and those above it as needed, each one made here readable by everyone; a folder that is
     * already there keeps the mode a person gave it.
     */
    static void folders(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (folder.getParent() != null) {
            folders(folder.getParent());
        }
        try {
            Files.createDirectory(folder);
        } catch (FileAlreadyExistsException madeMeanwhile) {
            return; // by another send at the same moment, which sets its mode
        }
        folder(folder);
    }

    private static void set(Path path, Set<PosixFilePermission> permissions) throws IOException {
        // a file system without POSIX permissions (Windows) lets everyone read anyway
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
