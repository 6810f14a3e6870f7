package dev.primary.bench.fleet.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.bench.fleet.transport.ConnectionMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BudgetTest {
    @Test
    void a_count_budget_allows_exactly_that_many_operations() {
        Budget budget = Budget.count(3);
        assertThat(budget.take()).isTrue();
        assertThat(budget.take()).isTrue();
        assertThat(budget.take()).isTrue();
        assertThat(budget.take()).isFalse();
        assertThat(budget.total()).isEqualTo(3);
    }

    @Test
    void a_time_limit_ends_a_count_early_and_its_clock_starts_at_the_first_operation() throws InterruptedException {
        Budget budget = Budget.countWithin(1_000_000, Duration.ofMillis(50));
        Thread.sleep(80);
        assertThat(budget.take()).as("the clock starts at the first take, not when the budget is made").isTrue();
        Thread.sleep(80);
        assertThat(budget.take()).isFalse();
    }

    @Test
    void a_duration_budget_has_no_total() {
        assertThat(Budget.duration(Duration.ofSeconds(1)).total()).isEqualTo(-1);
    }

    @Test
    void a_time_limited_phase_presigns_what_the_warm_up_rate_makes_in_the_limit_and_half_again() {
        LoadShape load = new LoadShape(8, ConnectionMode.REUSE, false);
        Steady.Settings limited = new Steady.Settings(10, 1_000_000, Duration.ofSeconds(30), load, 100, true);
        assertThat(Steady.expectedVerifies(limited, 2_000)).isEqualTo(90_000);
        assertThat(Steady.expectedVerifies(limited, 100_000)).isEqualTo(1_000_000);
        Steady.Settings counted = new Steady.Settings(10, 5_000, null, load, 100, true);
        assertThat(Steady.expectedVerifies(counted, 2_000)).isEqualTo(5_000);
        Steady.Settings unbounded = new Steady.Settings(10, Long.MAX_VALUE, Duration.ofSeconds(30), load, 0, true);
        assertThat(Steady.expectedVerifies(unbounded, 0)).isZero();
    }

    @Test
    void a_phase_bounded_by_a_count_warms_for_its_whole_count_and_a_timed_phase_for_at_most_ten_seconds() {
        LoadShape full = new LoadShape(8, ConnectionMode.FRESH, false);
        Budget counted = Steady.warmupBudget(new Steady.Settings(10, 5_000, null, full, 40_000, true), 40_000, false);
        assertThat(counted.total()).isEqualTo(40_000);
        assertThat(counted.limit()).as("a count-bounded phase is compared with a ceiling warmed as long").isNull();
        Budget timed = Steady.warmupBudget(new Steady.Settings(10, 5_000, Duration.ofSeconds(30), full, 40_000, true),
                40_000, false);
        assertThat(timed.limit()).isEqualTo(Duration.ofSeconds(10));
        Budget sessions = Steady.warmupBudget(new Steady.Settings(10, 5_000, Duration.ofSeconds(30),
                new LoadShape(8, ConnectionMode.FRESH, true), 40_000, true), 40_000, true);
        assertThat(sessions.limit()).as("every client must check in once to hold a session").isNull();
    }
}
