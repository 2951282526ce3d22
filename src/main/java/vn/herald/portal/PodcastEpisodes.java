package vn.herald.portal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.channel.loudspeaker.AudioMaker;
import vn.herald.channel.loudspeaker.LoudspeakerSettings;
import vn.herald.channel.loudspeaker.ScriptPayload;
import vn.herald.channel.loudspeaker.Sound;
import vn.herald.channel.eportal.PortalPage;
import vn.herald.content.PieceKind;
import vn.herald.unit.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The portal's radio pieces as podcast episodes: each with the sound the loudspeakers would play, the piece's own
 * recording or else espeak-ng's Vietnamese speech of the script (made once and kept in the speech cache, served as
 * MP3 by {@link PodcastMp3}). A piece with neither (no recording, no text, speech failing) is left out of the podcast rather than sent without audio.
 */
@Singleton
class PodcastEpisodes {

    private static final Logger LOG = LoggerFactory.getLogger(PodcastEpisodes.class);

    /** The loudspeakers' default voice: the podcast sounds like the commune's own broadcast. */
    private static final LoudspeakerSettings.Speech SPEECH = new LoudspeakerSettings.Speech(
            LoudspeakerSettings.SpeechEngineKind.ESPEAK_NG, "vi", Optional.empty(), Optional.empty(), 60);

    /** Where an episode's audio is served: by its page's slug, its content hash and the extension apps expect. */
    static final String AUDIO_PATH = "/portal/podcast/tap/";

    record Episode(PortalArticles.LiveArticle article, Sound.Audio audio) {
        PortalPage page() {
            return article.page();
        }

        String audioPath() {
            return AUDIO_PATH + article.slug() + "/" + audio.sha256() + "." + audio.extension();
        }
    }

    private final PortalArticles articles;
    private final AudioMaker audioMaker;
    private final PodcastMp3 mp3;
    private final Units units;

    PodcastEpisodes(PortalArticles articles, AudioMaker audioMaker, PodcastMp3 mp3, Units units) {
        this.articles = articles;
        this.audioMaker = audioMaker;
        this.mp3 = mp3;
        this.units = units;
    }

    /** The unit's episodes, newest first: every radio piece live on its portal, or those of one section. */
    List<Episode> of(@Nullable String topicKey) {
        List<Episode> episodes = new ArrayList<>();
        for (PortalArticles.LiveArticle article : articles.radio(units.ownUnitCode(), topicKey, PortalFeeds.ENTRIES)) {
            episode(article).ifPresent(episodes::add);
        }
        return episodes;
    }

    /**
     * The live episode at this page address whose audio has this hash and extension, if any: only these files are
     * served, and only the one piece's sound is looked at, so a podcast app's many range requests stay cheap.
     */
    Optional<Episode> byAudio(String slug, String sha256, String extension) {
        return articles.bySlug(slug)
                .filter(article -> article.page().kind() == PieceKind.RADIO_SCRIPT
                        && article.page().unitCode().equals(units.ownUnitCode()))
                .flatMap(this::episode)
                .filter(episode -> episode.audio().sha256().equals(sha256) && episode.audio().extension().equals(extension));
    }

    private Optional<Episode> episode(PortalArticles.LiveArticle article) {
        PortalPage page = article.page();
        ScriptPayload script = new ScriptPayload(page.pieceId(), page.title(), page.script(),
                page.audio() == null ? null : page.audio().sha256(), page.readSeconds() == null ? 0 : page.readSeconds());
        Sound sound = audioMaker.soundOf(script, SPEECH);
        if (sound instanceof Sound.Audio audio) {
            return Optional.of(new Episode(article, mp3.served(audio)));
        }
        LOG.warn("radio piece {} is left out of the podcast: {}", page.pieceId(), ((Sound.ReadLive) sound).reason());
        return Optional.empty();
    }
}
