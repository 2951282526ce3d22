package vn.herald.channel.tiktok;

import java.util.ArrayList;
import java.util.List;

/**
 * How a video of {@code size} bytes is cut for TikTok's FILE_UPLOAD, by the media transfer guide's rules: chunks of 5
 * to 64 MB, a video under 5 MB in one chunk of its own size, {@code total_chunk_count = floor(size / chunk_size)}, the
 * last chunk taking the trailing bytes (so it may reach 128 MB), at most 1000 chunks, sent in order.
 */
record ChunkPlan(long size, long chunkSize, int count) {

    static final long MIN = 5L * 1024 * 1024;
    static final long MAX = 64L * 1024 * 1024;
    static final int MAX_CHUNKS = 1000;

    /** One PUT: the bytes [first, last] of the file, both inclusive as Content-Range writes them. */
    record Chunk(long first, long last) {
        long length() {
            return last - first + 1;
        }

        String contentRange(long total) {
            return "bytes " + first + "-" + last + "/" + total;
        }
    }

    /** The plan for a file of {@code size} bytes with chunks of about {@code wanted} bytes (clamped to 5..64 MB). */
    static ChunkPlan of(long size, long wanted) {
        if (size <= 0) {
            throw new IllegalArgumentException("an empty video cannot be uploaded");
        }
        if (size < MIN) {
            return new ChunkPlan(size, size, 1);
        }
        long chunk = Math.max(MIN, Math.min(MAX, wanted));
        // a long video needs bigger chunks to stay within TikTok's 1000
        chunk = Math.max(chunk, -Math.floorDiv(-size, MAX_CHUNKS));
        if (chunk > MAX) {
            throw new IllegalArgumentException("a video of " + size + " bytes needs more than " + MAX_CHUNKS + " chunks of 64 MB");
        }
        if (size <= chunk) {
            return new ChunkPlan(size, size, 1);
        }
        return new ChunkPlan(size, chunk, (int) (size / chunk));
    }

    List<Chunk> chunks() {
        List<Chunk> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long first = i * chunkSize;
            long last = i == count - 1 ? size - 1 : first + chunkSize - 1;
            chunks.add(new Chunk(first, last));
        }
        return chunks;
    }
}
