package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.server.fleet.FleetChange;
import dev.primary.server.fleet.FleetChanges;
import dev.primary.server.licensing.Administration;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What a stream is sent when its reader is slow, and the cap on open streams (streams driven by hand). */
class FleetEventStreamsTest {
    private final List<Consumer<FleetChange>> listeners = new ArrayList<>();
    private final FleetChanges changes = listener -> {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    };
    private final Administration noReads = (Administration) Proxy.newProxyInstance(
            Administration.class.getClassLoader(), new Class<?>[] {Administration.class}, (proxy, method, arguments) -> {
                throw new AssertionError("no read expected: " + method.getName());
            });

    @Test
    void a_slow_reader_gets_nothing_while_behind_then_a_resync_and_is_closed_when_still_behind_at_a_heartbeat() {
        FleetEventStreams streams = new FleetEventStreams(changes, noReads,
                new FleetEventStreams.Limits(64, 100, Duration.ofSeconds(15)));
        HandDrivenStream stream = new HandDrivenStream();
        ((EventStreamReply) streams.open(() -> true)).opened().accept(stream);
        stream.sent.clear();

        stream.unwritten = 1_000;
        listeners.forEach(listener -> listener.accept(FleetChange.resync()));
        assertThat(stream.sent).as("nothing queued beyond the limit").isEmpty();

        stream.unwritten = 0;
        stream.heartbeat.run();
        assertThat(stream.sent).as("caught up: told to read again first").containsExactly(FleetEventStreams.RESYNC,
                FleetEventStreams.HEARTBEAT);

        stream.unwritten = 1_000;
        stream.heartbeat.run();
        assertThat(stream.closed).as("still behind at a heartbeat: closed").isTrue();
    }

    @Test
    void streams_over_the_cap_are_refused_until_one_closes_and_closing_ends_every_stream() {
        FleetEventStreams streams = new FleetEventStreams(changes, noReads,
                new FleetEventStreams.Limits(1, 100, Duration.ofSeconds(15)));
        HandDrivenStream first = new HandDrivenStream();
        ((EventStreamReply) streams.open(() -> true)).opened().accept(first);

        assertThatThrownBy(() -> streams.open(() -> true)).isInstanceOf(EventStreamsFullException.class);
        assertThat(listeners).as("subscribed while a stream is open").hasSize(1);

        first.whenClosed.run();
        assertThat(listeners).as("no stream, no subscription").isEmpty();
        HandDrivenStream second = new HandDrivenStream();
        ((EventStreamReply) streams.open(() -> true)).opened().accept(second);
        streams.close();
        assertThat(second.ended).isTrue();
        assertThatThrownBy(() -> streams.open(() -> true)).as("refused once stopping")
                .isInstanceOf(EventStreamsFullException.class);
    }

    @Test
    void a_stream_whose_credential_ended_is_sent_no_change_once_its_check_is_due_and_is_ended() {
        long[] now = {0};
        boolean[] holds = {true};
        FleetEventStreams streams = new FleetEventStreams(changes, noReads,
                new FleetEventStreams.Limits(64, 100, Duration.ofSeconds(15)), () -> now[0]);
        HandDrivenStream stream = new HandDrivenStream();
        int[] checks = {0};
        ((EventStreamReply) streams.open(() -> {
            checks[0]++;
            return holds[0];
        })).opened().accept(stream);
        stream.sent.clear();

        listeners.forEach(listener -> listener.accept(FleetChange.resync()));
        assertThat(stream.sent).as("just opened: sent without a check").containsExactly(FleetEventStreams.RESYNC);
        assertThat(checks[0]).isZero();

        now[0] += FleetEventStreams.CREDENTIAL_RECHECK.toNanos();
        listeners.forEach(listener -> listener.accept(FleetChange.resync()));
        assertThat(checks[0]).as("checked again once the check was due").isEqualTo(1);
        assertThat(stream.sent).hasSize(2);

        holds[0] = false;
        now[0] += FleetEventStreams.CREDENTIAL_RECHECK.toNanos();
        listeners.forEach(listener -> listener.accept(FleetChange.resync()));
        listeners.forEach(listener -> listener.accept(FleetChange.resync()));
        assertThat(stream.sent).as("nothing after the credential ended").hasSize(2);
        assertThat(stream.ended).as("its stream ended").isTrue();
        assertThat(checks[0]).as("not read again once ended").isEqualTo(2);
    }

    /** An event stream whose backlog the test sets and whose timer the test runs. */
    private static final class HandDrivenStream implements EventStream {
        final List<String> sent = new ArrayList<>();
        long unwritten;
        Runnable heartbeat = () -> { };
        Runnable whenClosed = () -> { };
        boolean closed;
        boolean ended;

        @Override
        public void send(String text) {
            sent.add(text);
        }

        @Override
        public long unwritten() {
            return unwritten;
        }

        @Override
        public void end() {
            ended = true;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void every(Duration period, Runnable task) {
            heartbeat = task;
        }

        @Override
        public void whenClosed(Runnable action) {
            whenClosed = action;
        }
    }
}
