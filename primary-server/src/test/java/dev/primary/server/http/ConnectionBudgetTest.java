package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.server.http.ConnectionBudget.Admission;
import org.junit.jupiter.api.Test;

class ConnectionBudgetTest {
    @Test
    void a_source_at_its_cap_is_refused_while_other_sources_still_get_in() {
        ConnectionBudget budget = new ConnectionBudget(new ConnectionCaps(10, 2));

        assertThat(budget.tryOpen("10.0.0.1")).isEqualTo(Admission.ADMITTED);
        assertThat(budget.tryOpen("10.0.0.1")).isEqualTo(Admission.ADMITTED);
        assertThat(budget.tryOpen("10.0.0.1")).isEqualTo(Admission.OVER_SOURCE);
        assertThat(budget.tryOpen("10.0.0.2")).isEqualTo(Admission.ADMITTED);
        assertThat(budget.open()).isEqualTo(3);
    }

    @Test
    void at_the_total_cap_everyone_is_refused_until_a_connection_closes() {
        ConnectionBudget budget = new ConnectionBudget(new ConnectionCaps(2, 2));
        budget.tryOpen("10.0.0.1");
        budget.tryOpen("10.0.0.2");

        assertThat(budget.tryOpen("10.0.0.3")).isEqualTo(Admission.OVER_TOTAL);
        budget.closed("10.0.0.1");
        assertThat(budget.tryOpen("10.0.0.3")).isEqualTo(Admission.ADMITTED);
        assertThat(budget.open()).isEqualTo(2);
    }

    @Test
    void a_source_whose_connections_all_closed_gets_its_full_share_again() {
        ConnectionBudget budget = new ConnectionBudget(new ConnectionCaps(10, 1));
        budget.tryOpen("10.0.0.1");
        budget.closed("10.0.0.1");

        assertThat(budget.tryOpen("10.0.0.1")).isEqualTo(Admission.ADMITTED);
        assertThat(budget.tryOpen("10.0.0.1")).isEqualTo(Admission.OVER_SOURCE);
    }
}
