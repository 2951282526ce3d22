package vn.herald.content;

import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Optional;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;

/**
 * Identifies an upload by its first bytes, never by its file name: a script renamed to
 * {@code .png} must not become an image.
 */
@Singleton
public final class MediaCheck {

    private final Tika tika = new Tika();

    /** @param head the start of the file; a few kilobytes are enough */
    public Optional<AssetType> detect(byte[] head) {
        if (head == null || head.length == 0) {
            return Optional.empty();
        }
        MediaType detected = MediaType.parse(tika.detect(head));
        if (detected == null) {
            return Optional.empty();
        }
        String baseType = detected.getBaseType().toString();
        return Arrays.stream(AssetType.values()).filter(type -> type.isNamed(baseType)).findFirst();
    }
}
