package vn.herald.publishing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.model.Pageable;
import io.micronaut.runtime.Micronaut;
import vn.herald.Application;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A Herald server for {@link OrderlyShutdownTest}, started as {@code main} starts it (with its shutdown hook), on the
 * default embedded H2 file database in {@code dataDir}: schedules one publication due now, prints {@code SENDING}
 * once its send is out, and waits for SIGTERM.
 */
final class ShutdownChild {

    public static void main(String[] args) {
        Map<String, Object> settings = Map.of(
                "herald.data-dir", args[0],
                "herald.channels-dir", args[1],
                "herald.content-dir", args[2],
                "herald.test.fake-platform", "true",
                // the fake answers after 2 s on purpose: a busy machine must not turn that into a read timeout
                "herald.test.fake-platform-read-timeout", "20s",
                "herald.publishing.polling-interval", "100ms",
                "micronaut.server.port", "-1");
        ApplicationContext context = Micronaut.build(args).mainClass(Application.class).properties(settings).start();
        List<Long> pieceIds = context.getBean(Pieces.class)
                .list(new Pieces.Filter(null, PieceKind.ARTICLE, PieceStatus.APPROVED, null, null, null), Pageable.from(0, 1))
                .getContent().stream().map(piece -> piece.id()).toList();
        long id = context.getBean(Publishing.class).schedule(pieceIds.get(0), List.of("fake"), Instant.now(), "shutdown-test")
                .get(0).id();
        Instant giveUp = Instant.now().plusSeconds(60);
        while (context.getBean(Publishing.class).get(id).status() != PublicationStatus.SENDING && Instant.now().isBefore(giveUp)) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        System.out.println("SENDING " + id);
        LockSupport.park();
    }

    private ShutdownChild() {
    }
}
