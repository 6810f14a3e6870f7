package dev.primary.client.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestSequenceTest {
    private static final Instant SERVER_TIME = Instant.parse("2026-11-28T10:00:00Z");
    private static final long YEARS_AHEAD = SERVER_TIME.plus(Duration.ofDays(3650)).toEpochMilli();

    private final List<Long> persisted = new ArrayList<>();
    private final List<Long> rebased = new ArrayList<>();

    @Test
    void next_is_the_clock_in_milliseconds_or_one_more_than_the_last_and_is_persisted_first() {
        FakeTime time = new FakeTime(SERVER_TIME);
        RequestSequence sequence = new RequestSequence(time, 0, persisted::add, rebased::add);

        long first = sequence.next();
        long second = sequence.next();
        time.advance(Duration.ofSeconds(1));
        long third = sequence.next();

        assertThat(first).isEqualTo(SERVER_TIME.toEpochMilli());
        assertThat(second).isEqualTo(first + 1);
        assertThat(third).isEqualTo(SERVER_TIME.toEpochMilli() + 1000);
        assertThat(persisted).containsExactly(first, second, third);
    }

    @Test
    void a_sequence_persisted_years_ahead_keeps_counting_from_there_until_rebased() {
        RequestSequence sequence = new RequestSequence(new FakeTime(SERVER_TIME), YEARS_AHEAD, persisted::add);

        assertThat(sequence.next()).isEqualTo(YEARS_AHEAD + 1);
    }

    @Test
    void a_rebase_starts_again_from_the_servers_time_even_below_the_last_sequence() {
        FakeTime time = new FakeTime(SERVER_TIME);
        RequestSequence sequence = new RequestSequence(time, YEARS_AHEAD, persisted::add, rebased::add);

        sequence.rebase(SERVER_TIME);

        assertThat(sequence.last()).isEqualTo(SERVER_TIME.toEpochMilli());
        assertThat(rebased).containsExactly(SERVER_TIME.toEpochMilli());
        assertThat(sequence.next()).isEqualTo(SERVER_TIME.toEpochMilli() + 1);
        time.advance(Duration.ofMinutes(1));
        assertThat(sequence.next()).isEqualTo(SERVER_TIME.plus(Duration.ofMinutes(1)).toEpochMilli());
    }

    @Test
    void a_clock_years_ahead_counts_with_the_offset_learned_at_the_rebase() {
        FakeTime clock = new FakeTime(Instant.ofEpochMilli(YEARS_AHEAD));
        RequestSequence sequence = new RequestSequence(clock, 0, persisted::add, rebased::add);
        assertThat(sequence.next()).isEqualTo(YEARS_AHEAD);

        sequence.rebase(SERVER_TIME);
        clock.advance(Duration.ofMinutes(10));

        assertThat(sequence.offsetMillis()).isEqualTo(SERVER_TIME.toEpochMilli() - YEARS_AHEAD);
        assertThat(sequence.next()).isEqualTo(SERVER_TIME.plus(Duration.ofMinutes(10)).toEpochMilli());
    }

    @Test
    void sequences_keep_growing_strictly_after_a_rebase_even_when_the_clock_is_set_back() {
        FakeTime clock = new FakeTime(SERVER_TIME.plus(Duration.ofDays(2)));
        RequestSequence sequence = new RequestSequence(clock, 0, persisted::add, rebased::add);
        sequence.rebase(SERVER_TIME);
        long afterRebase = sequence.next();

        clock.setWall(SERVER_TIME.minus(Duration.ofDays(30)));

        assertThat(sequence.next()).isEqualTo(afterRebase + 1);
    }

    @Test
    void a_replayed_resync_only_ever_moves_the_sequence_forward() {
        RequestSequence sequence = new RequestSequence(new FakeTime(SERVER_TIME), YEARS_AHEAD, persisted::add);

        sequence.resync(SERVER_TIME);

        assertThat(sequence.last()).isEqualTo(YEARS_AHEAD);
        assertThat(sequence.offsetMillis()).isZero();
    }

    @Test
    void without_a_separate_callback_a_rebase_is_persisted_like_any_sequence() {
        RequestSequence sequence = new RequestSequence(new FakeTime(SERVER_TIME), YEARS_AHEAD, persisted::add);

        sequence.rebase(SERVER_TIME);

        assertThat(persisted).containsExactly(SERVER_TIME.toEpochMilli());
    }
}
