package vn.herald.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Reading the repository's library folders: listing, strict UTF-8 text and content hashes. */
public final class LibraryFiles {

    private LibraryFiles() {}

    /** Regular files directly in {@code folder} whose name ends with one of {@code extensions}, sorted by name. */
    public static List<Path> list(Path folder, String... extensions) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> Stream.of(extensions).anyMatch(e -> f.getFileName().toString().endsWith(e)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses a file or folder that resolves outside the library (a symbolic link to /etc/passwd or to another
     * centre's folder): only what is really inside the library is imported. Links that stay inside are fine.
     */
    public static void requireInside(Path libraryRoot, Path file) throws IOException {
        Path root = libraryRoot.toRealPath();
        if (!file.toRealPath().startsWith(root)) {
            throw new SourceFileException(0, "là liên kết tượng trưng (symlink) trỏ ra ngoài thư mục "
                    + root.getFileName() + "/ nên không được nhập; hãy chép tệp thật vào thư viện");
        }
    }

    /** The file as text; a file that is not UTF-8 is an error, not mojibake in a published post. */
    public static String readUtf8(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SourceFileException(0, "không phải văn bản UTF-8: hãy lưu tệp ở dạng UTF-8");
        }
    }

    public static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a file is named in messages: relative to the folder above the library, e.g. {@code content/radio/x.md}. */
    public static String display(Path libraryRoot, Path file) {
        Path name = libraryRoot.toAbsolutePath().normalize().getFileName();
        String relative = libraryRoot.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize())
                .toString().replace('\\', '/');
        return name == null ? relative : name + "/" + relative;
    }
}
