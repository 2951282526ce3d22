package vn.herald.channel.wordpress;

import jakarta.inject.Singleton;
import vn.herald.content.Asset;
import vn.herald.content.AssetKind;
import vn.herald.content.Assets;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/** Pictures from {@link Assets}: stored once under the data folder by their SHA-256. */
@Singleton
class StoredFeaturedImages implements FeaturedImages {

    private final Assets assets;

    StoredFeaturedImages(Assets assets) {
        this.assets = assets;
    }

    @Override
    public Optional<WordPressPost.Image> byId(long assetId, String altText) {
        return assets.find(assetId).filter(asset -> asset.kind() == AssetKind.IMAGE).map(asset -> new WordPressPost.Image(
                asset.sha256(), asset.mediaType(), asset.sizeBytes(),
                asset.originalName() == null ? asset.sha256() : asset.originalName(),
                altText == null || altText.isBlank() ? null : altText.strip()));
    }

    @Override
    public byte[] read(WordPressPost.Image image) throws IOException {
        Asset asset = assets.findBySha256(image.sha256()).orElseThrow(() ->
                new IOException("ảnh " + image.fileName() + " (" + image.sha256() + ") không còn trong kho"));
        return Files.readAllBytes(assets.fileOf(asset));
    }
}
