package vn.herald.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers kept per key with the read version they were built at ({@link ReadVersions}); an entry is served only
 * while the caller's freshly read version is the same. Bounded: past {@code capacity} keys it starts again empty,
 * which costs one rebuild per key and keeps no bookkeeping on the read path.
 */
public final class VersionedCache<K, V> {

    private record Entry<V>(long version, V value) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int capacity;

    public VersionedCache(int capacity) {
        this.capacity = capacity;
    }

    /** The answer kept for {@code key} at {@code version}, or a new one from {@code build}, kept unless it fails. */
    public V get(K key, long version, Supplier<V> build) {
        Entry<V> kept = entries.get(key);
        if (kept != null && kept.version() == version) {
            return kept.value();
        }
        V built = build.get();
        if (entries.size() >= capacity) {
            entries.clear();
        }
        // two builders racing at different versions: the later read version wins, an older one never replaces it
        entries.merge(key, new Entry<>(version, built), (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        return built;
    }
}
