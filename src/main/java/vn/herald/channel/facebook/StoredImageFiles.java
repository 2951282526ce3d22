package vn.herald.channel.facebook;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.herald.content.Asset;
import vn.herald.content.AssetKind;
import vn.herald.content.Assets;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/** Pictures from {@link Assets}: stored once under the data folder by their SHA-256. */
@Singleton
class StoredImageFiles implements ImageFiles {

    private final Assets assets;

    StoredImageFiles(Assets assets) {
        this.assets = assets;
    }

    @Override
    public Optional<FacebookPost.PostImage> byId(long assetId, @Nullable String altText) {
        return assets.find(assetId).flatMap(asset -> image(asset, altText));
    }

    @Override
    public Optional<FacebookPost.PostImage> bySha256(String sha256, @Nullable String altText) {
        return assets.findBySha256(sha256).flatMap(asset -> image(asset, altText));
    }

    @Override
    public byte[] read(FacebookPost.PostImage image) throws IOException {
        Asset asset = assets.findBySha256(image.sha256()).orElseThrow(() ->
                new IOException("ảnh " + image.fileName() + " (" + image.sha256() + ") không còn trong kho"));
        return Files.readAllBytes(assets.fileOf(asset));
    }

    private static Optional<FacebookPost.PostImage> image(Asset asset, @Nullable String altText) {
        if (asset.kind() != AssetKind.IMAGE) {
            return Optional.empty();
        }
        String name = asset.originalName() == null ? asset.sha256() : asset.originalName();
        return Optional.of(new FacebookPost.PostImage(asset.sha256(), asset.mediaType(), asset.sizeBytes(), name,
                altText == null || altText.isBlank() ? null : altText.strip()));
    }
}
