package vn.herald.content;

import jakarta.inject.Singleton;
import vn.herald.support.Folders;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/** Images, audio, videos and captions, checked by their bytes and kept once under the data folder by content hash. */
@Singleton
public class Assets {

    private static final int HEAD_BYTES = 8192;

    private final AssetRepository repository;
    private final MediaCheck mediaCheck;
    private final VideoProbe videoProbe;
    private final VideoConfig videoConfig;
    private final Path root;
    private final Clock clock;

    Assets(AssetRepository repository, MediaCheck mediaCheck, VideoProbe videoProbe, VideoConfig videoConfig,
           Folders folders, Clock clock) {
        this.repository = repository;
        this.mediaCheck = mediaCheck;
        this.videoProbe = videoProbe;
        this.videoConfig = videoConfig;
        this.root = folders.dataDir().resolve("assets");
        this.clock = clock;
    }

    public Optional<Asset> find(long id) {
        return repository.findById(id);
    }

    public Optional<Asset> findBySha256(String sha256) {
        return repository.findBySha256(sha256);
    }

    public Path fileOf(Asset asset) {
        return root.resolve(asset.sha256().substring(0, 2)).resolve(asset.sha256());
    }

    private long maxBytes(AssetKind kind) {
        return kind == AssetKind.VIDEO ? videoConfig.maxBytes() : kind.maxBytes();
    }

    /** A picture is decoded to be shown and resized: one declaring more pixels than the limit would exhaust memory. */
    private void checkPixels(Path file, AssetType type, String originalName) {
        MediaCheck.Size size = mediaCheck.size(file, type).orElseThrow(() -> new Refusal(Refusal.Kind.UNSUPPORTED_TYPE,
                RefusalCode.IMAGE_UNREADABLE, originalName));
        if (size.width() <= 0 || size.height() <= 0 || size.pixels() > PieceLimits.IMAGE_PIXELS) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, RefusalCode.IMAGE_TOO_MANY_PIXELS, originalName, size.width(),
                    size.height(), PieceLimits.IMAGE_PIXELS / 1_000_000);
        }
    }

    /**
     * Streams the upload to a temporary file while hashing it, so a 50 MB recording never sits in memory,
     * then keeps it only if its bytes are an accepted image or audio type within that kind's size limit.
     */
    public Asset store(InputStream in, String originalName) {
        long ceiling = Arrays.stream(AssetKind.values()).mapToLong(this::maxBytes).max().orElseThrow();
        Path temp = null;
        try {
            Files.createDirectories(root);
            temp = Files.createTempFile(root, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[HEAD_BYTES];
            int headLength = 0;
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    if (headLength < HEAD_BYTES) {
                        int take = Math.min(n, HEAD_BYTES - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    size += n;
                    if (size > ceiling) {
                        throw new Refusal(Refusal.Kind.TOO_LARGE, RefusalCode.UPLOAD_TOO_LARGE, originalName,
                                ceiling / (1024 * 1024));
                    }
                    out.write(buffer, 0, n);
                }
            }
            AssetType type = mediaCheck.detect(Arrays.copyOf(head, headLength)).orElseThrow(() ->
                    new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, RefusalCode.FILE_TYPE_UNSUPPORTED, originalName));
            if (size > maxBytes(type.kind())) {
                RefusalCode code = switch (type.kind()) {
                    case IMAGE -> RefusalCode.IMAGE_TOO_LARGE;
                    case AUDIO -> RefusalCode.AUDIO_TOO_LARGE;
                    case VIDEO -> RefusalCode.VIDEO_TOO_LARGE;
                    case CAPTIONS -> RefusalCode.CAPTIONS_TOO_LARGE;
                };
                throw new Refusal(Refusal.Kind.TOO_LARGE, code, originalName, String.format(java.util.Locale.ROOT, "%.1f",
                        size / (1024.0 * 1024)), Math.max(1, maxBytes(type.kind()) / (1024 * 1024)));
            }
            switch (type.kind()) {
                case IMAGE -> checkPixels(temp, type, originalName);
                case VIDEO -> videoProbe.check(temp, type, originalName);
                case CAPTIONS -> Captions.check(temp, originalName);
                case AUDIO -> { }
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Optional<Asset> known = repository.findBySha256(hash);
            if (known.isPresent()) {
                return known.get();
            }
            Path target = root.resolve(hash.substring(0, 2)).resolve(hash);
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return repository.save(new Asset(null, hash, type.mediaType(), type.kind(), size, originalName, clock.instant()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not store '" + originalName + "' under " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover .part file is harmless: it is never served
                }
            }
        }
    }
}
