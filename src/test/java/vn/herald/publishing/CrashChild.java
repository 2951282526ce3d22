package vn.herald.publishing;

import vn.herald.channel.Priority;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.model.Pageable;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A Herald process for {@link CrashRecoveryTest}, on the default embedded H2 file database in {@code dataDir}.
 * {@code schedule N}: schedules N publications due now and exits. {@code dispatch}: dispatches until it is killed.
 * {@code recover N}: dispatches until N publications are published, then prints the count and exits 0 (1 on timeout).
 * {@code -Dcrash.channels=K} spreads the scheduled publications over the channels "fake", "fake-1", ... "fake-(K-1)".
 */
final class CrashChild {

    public static void main(String[] args) {
        String phase = args[0];
        Map<String, Object> settings = Map.of(
                "herald.data-dir", args[1],
                "herald.channels-dir", args[2],
                "herald.content-dir", args[3],
                "herald.test.fake-platform", "true",
                "herald.publishing.scheduler-enabled", String.valueOf(!phase.equals("schedule")),
                "herald.publishing.polling-interval", "100ms",
                // -Dcrash.heartbeat: a test that must tell the own-recovery from the dead-execution takeover sets it
                "herald.publishing.heartbeat-interval", System.getProperty("crash.heartbeat", "1s"));
        ApplicationContext context = ApplicationContext.run(settings);
        switch (phase) {
            case "schedule" -> {
                schedule(context, Integer.parseInt(args[4]));
                context.close();
            }
            case "dispatch" -> LockSupport.park();
            case "recover" -> {
                Instant ready = Instant.now();
                boolean done = awaitPublished(context, Integer.parseInt(args[4]), Duration.ofMinutes(3));
                System.out.println("published " + published(context) + ", " + (System.currentTimeMillis()
                        - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms after the JVM started, "
                        + Duration.between(ready, Instant.now()).toMillis() + " ms after the context was ready");
                System.exit(done ? 0 : 1);
            }
            default -> throw new IllegalArgumentException("unknown phase " + phase);
        }
    }

    private static void schedule(ApplicationContext context, int count) {
        List<Long> pieceIds = context.getBean(Pieces.class)
                .list(new Pieces.Filter(null, PieceKind.ARTICLE, PieceStatus.APPROVED, null, null, null), Pageable.from(0, 10))
                .getContent().stream().map(piece -> piece.id()).toList();
        Publishing publishing = context.getBean(Publishing.class);
        Instant now = Instant.now();
        int channels = Integer.getInteger("crash.channels", 1);
        for (int i = 0; i < count; i++) {
            String channel = i % channels == 0 ? "fake" : "fake-" + i % channels;
            publishing.schedule(pieceIds.get(i % pieceIds.size()), List.of(channel), now, Priority.NORMAL, true, "crash-test");
        }
    }

    private static boolean awaitPublished(ApplicationContext context, int expected, Duration limit) {
        Instant giveUp = Instant.now().plus(limit);
        while (Instant.now().isBefore(giveUp)) {
            if (published(context) >= expected) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        return false;
    }

    private static long published(ApplicationContext context) {
        return context.getBean(Publishing.class)
                .list(new Publishing.Filter(PublicationStatus.PUBLISHED, null, null, null, null), Pageable.from(0, 1))
                .getTotalSize();
    }

    private CrashChild() {
    }
}
