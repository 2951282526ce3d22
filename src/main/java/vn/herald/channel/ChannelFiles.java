package vn.herald.channel;

import io.micronaut.context.BeanProvider;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import vn.herald.content.CleanText;
import vn.herald.content.FileOutcome;
import vn.herald.content.LibraryFiles;
import vn.herald.content.SourceFileException;
import vn.herald.content.YamlFields;
import vn.herald.unit.Units;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads {@code channels/*.yml}: one file per channel, validated and synced to the database. A channel whose
 * file is removed is paused, never deleted, so its publications keep their history.
 */
@Singleton
public class ChannelFiles {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
    /** Key names that would hold a credential if written out. */
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(token|secret|password|passwd|apikey|api_key|api-key|privatekey|credential).*");
    static final String REMOVED = "the file channels/%s.yml was removed";

    private final ChannelRepository repository;
    private final Units units;
    private final JsonMapper json;
    private final Clock clock;
    private final List<ChannelFileCheck> checks;
    /** Looked up when a file is imported: adapters depend on features that may in turn read channel files. */
    private final BeanProvider<ChannelAdapters> adapters;

    ChannelFiles(ChannelRepository repository, Units units, JsonMapper json, Clock clock, List<ChannelFileCheck> checks,
                 BeanProvider<ChannelAdapters> adapters) {
        this.adapters = adapters;
        this.repository = repository;
        this.units = units;
        this.json = json;
        this.clock = clock;
        this.checks = List.copyOf(checks);
    }

    public List<FileOutcome> importAll(Path channelsDir) {
        List<FileOutcome> outcomes = new ArrayList<>();
        if (!Files.isDirectory(channelsDir)) {
            outcomes.add(FileOutcome.failed(channelsDir.toString(), 0,
                    "the channels folder does not exist; set HERALD_CHANNELS_DIR or create it (no channel was paused)"));
            return outcomes;
        }
        Set<String> seen = new HashSet<>();
        for (Path file : LibraryFiles.list(channelsDir, ".yml", ".yaml")) {
            String name = file.getFileName().toString();
            String id = name.substring(0, name.lastIndexOf('.'));
            seen.add(id);
            outcomes.add(importFile(channelsDir, file, id));
        }
        for (Channel channel : repository.findAllOrderById()) {
            if (!seen.contains(channel.id()) && !channel.paused()) {
                repository.update(withPause(channel, REMOVED.formatted(channel.id())));
                outcomes.add(FileOutcome.of(LibraryFiles.display(channelsDir, channelsDir.resolve(channel.id() + ".yml")),
                        FileOutcome.Result.ARCHIVED));
            }
        }
        return outcomes;
    }

    @Transactional
    FileOutcome importFile(Path channelsDir, Path file, String id) {
        String shown = LibraryFiles.display(channelsDir, file);
        try {
            if (!ID.matcher(id).matches()) {
                throw new SourceFileException(0, "tên tệp cho mã kênh '" + id
                        + "': chỉ dùng chữ thường không dấu, chữ số và '-', ví dụ facebook.yml");
            }
            byte[] bytes = Files.readAllBytes(file);
            String hash = LibraryFiles.sha256(bytes);
            Optional<Channel> existing = repository.findById(id);
            boolean wasRemoved = existing.map(c -> REMOVED.formatted(id).equals(c.pausedReason())).orElse(false);
            if (existing.isPresent() && existing.get().sourceHash().equals(hash) && !wasRemoved) {
                return FileOutcome.of(shown, FileOutcome.Result.UNCHANGED);
            }
            YamlFields fields = YamlFields.parse(LibraryFiles.readUtf8(file), 0);
            ChannelType type = fields.enumValue("type", ChannelType.class).orElseThrow(() ->
                    new SourceFileException(fields.startLine(), "thiếu 'type': một trong "
                            + YamlFields.alternatives(ChannelType.class)));
            ChannelMode mode = fields.enumValue("mode", ChannelMode.class).orElseThrow(() ->
                    new SourceFileException(fields.startLine(), "thiếu 'mode': live hoặc dry-run"));
            String unitCode = fields.text("unit").orElse(units.ownUnitCode());
            if (units.find(unitCode).isEmpty()) {
                throw new SourceFileException(fields.line("unit"), "'unit' ghi '" + unitCode + "', không phải mã của đơn vị nào");
            }
            checkNoInlineSecret(fields, "");
            checks.forEach(check -> check.check(type, fields));
            Map<String, Object> settings = new LinkedHashMap<>(fields.plain());
            settings.keySet().removeAll(List.of("type", "mode", "unit", "name"));
            settings.putIfAbsent(CommonSettings.RATE_LIMIT, CommonSettings.DEFAULT_RATE_LIMIT);
            String name = CleanText.line(fields.text("name").orElse(id));
            Instant now = clock.instant();
            Channel channel = new Channel(id, unitCode, type, mode, name, json.writeValueAsString(settings), hash,
                    existing.filter(c -> !wasRemoved).map(Channel::pausedReason).orElse(null),
                    existing.map(Channel::createdAt).orElse(now), now);
            checkSettings(fields, channel, settings);
            if (existing.isPresent()) {
                repository.update(channel);
                return FileOutcome.of(shown, FileOutcome.Result.UPDATED);
            }
            repository.save(channel);
            return FileOutcome.of(shown, FileOutcome.Result.IMPORTED);
        } catch (SourceFileException e) {
            return FileOutcome.failed(shown, e.line(), e.reason());
        } catch (IOException e) {
            return FileOutcome.failed(shown, 0, "không đọc được: " + e.getMessage());
        }
    }

    /**
     * Binds the file's settings once, as its channel type reads them: the common keys, then the serving adapter's
     * own record, so a wrong value is refused here with its line rather than when something is sent.
     */
    private void checkSettings(YamlFields fields, Channel channel, Map<String, Object> settings) {
        try {
            CommonSettings.from(channel.id(), channel.type(), settings);
            adapters.get().forChannel(channel).ifPresent(adapter -> adapter.checkSettings(channel));
        } catch (BadSetting e) {
            throw new SourceFileException(fields.line(e.key()), e.problem());
        }
    }

    /** Secrets live in environment variables: a key that names one ends in {@code Env} and holds a variable name. */
    private static void checkNoInlineSecret(YamlFields fields, String prefix) {
        for (String key : fields.keys()) {
            if (fields.isMapping(key)) {
                checkNoInlineSecret(fields.mapping(key).orElseThrow(), prefix + key + ".");
                continue;
            }
            if (key.endsWith("Env")) {
                String variable = fields.text(key).orElse("");
                if (!ENV_NAME.matcher(variable).matches()) {
                    // never echo the value: it may be the secret itself
                    throw new SourceFileException(fields.line(key), "'" + prefix + key
                            + "' phải là tên một biến môi trường (chữ in hoa không dấu, chữ số và '_', ví dụ HERALD_FACEBOOK_PAGE_TOKEN)");
                }
            } else if (SECRET_KEY.matcher(key).matches() && fields.text(key).isPresent()) {
                throw new SourceFileException(fields.line(key), "'" + prefix + key + "' ghi thẳng một bí mật trong tệp: "
                        + "hãy xóa đi, đặt bí mật vào một biến môi trường và ghi tên biến đó ở '" + key + "Env'");
            }
        }
    }

    private Channel withPause(Channel c, String reason) {
        return new Channel(c.id(), c.unitCode(), c.type(), c.mode(), c.name(), c.settings(), c.sourceHash(), reason,
                c.createdAt(), clock.instant());
    }
}
