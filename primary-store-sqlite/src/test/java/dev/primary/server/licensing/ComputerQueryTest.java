package dev.primary.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerQuery.Sort;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.server.testing.LicensingFixture;
import dev.primary.server.testing.TestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manage Computers over seven computers: licensed ALPHA and LAB\CHARLIE, BRAVO whose lease
 * expired, DELTA and ECHO waiting, FOXTROT reserved, GOLF revoked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComputerQueryTest {
    LicensingFixture fixture;
    Licensing server;

    @BeforeAll
    void fleet(@TempDir Path directory) {
        fixture = new LicensingFixture(directory);
        server = fixture.licensing();
        fixture.activeLicense("ABC-123", 4);
        TestClient alpha = contact("CORP\\ALPHA");
        contact("CORP\\BRAVO");
        TestClient charlie = contact("LAB\\CHARLIE");
        server.reserve("CORP\\FOXTROT", "", "admin");
        contact("CORP\\DELTA");
        contact("CORP\\ECHO");
        contact("CORP\\GOLF");
        server.revoke("CORP\\GOLF", "", "admin");
        fixture.clock.advance(Duration.ofDays(8));
        alpha.verify(server);
        fixture.clock.advance(Duration.ofSeconds(1));
        charlie.verify(server);
    }

    private TestClient contact(String name) {
        TestClient client = TestClient.named(name);
        client.register(server);
        fixture.clock.advance(Duration.ofSeconds(1));
        return client;
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    private ComputerPage page(String search, ComputerState state, Sort sort, boolean descending, int offset,
            int limit) {
        return server.computers(new ComputerQuery(search, state, sort, descending, offset, limit));
    }

    private static List<String> names(ComputerPage page) {
        return page.items().stream().map(view -> view.computer().computerName()).toList();
    }

    @Test
    void pages_sorted_by_name_cover_every_computer_once_with_the_total() {
        ComputerPage first = page("", null, Sort.NAME, false, 0, 3);
        ComputerPage second = page("", null, Sort.NAME, false, 3, 3);
        ComputerPage third = page("", null, Sort.NAME, false, 6, 3);

        assertThat(first.total()).isEqualTo(7);
        assertThat(names(first)).containsExactly("ALPHA", "BRAVO", "CHARLIE");
        assertThat(names(second)).containsExactly("DELTA", "ECHO", "FOXTROT");
        assertThat(names(third)).containsExactly("GOLF");
        assertThat(page("", null, Sort.NAME, false, 9, 3).items()).isEmpty();
    }

    @Test
    void sorting_by_name_descending_reverses_the_order() {
        assertThat(names(page("", null, Sort.NAME, true, 0, 100)))
                .containsExactly("GOLF", "FOXTROT", "ECHO", "DELTA", "CHARLIE", "BRAVO", "ALPHA");
    }

    @Test
    void filtering_by_state_tells_licensed_from_expired() {
        assertThat(names(page("", ComputerState.LICENSED, Sort.NAME, false, 0, 100))).containsExactly("ALPHA", "CHARLIE");
        assertThat(names(page("", ComputerState.EXPIRED, Sort.NAME, false, 0, 100))).containsExactly("BRAVO");
        assertThat(names(page("", ComputerState.WAITING, Sort.NAME, false, 0, 100))).containsExactly("DELTA", "ECHO");
        assertThat(names(page("", ComputerState.RESERVED, Sort.NAME, false, 0, 100))).containsExactly("FOXTROT");
        assertThat(names(page("", ComputerState.REVOKED, Sort.NAME, false, 0, 100))).containsExactly("GOLF");
        assertThat(page("", ComputerState.RECLAIMED, Sort.NAME, false, 0, 100).total()).isZero();
    }

    @Test
    void every_filters_total_is_the_number_of_computers_it_lists() {
        for (ComputerState state : java.util.Arrays.asList(null, ComputerState.LICENSED, ComputerState.EXPIRED,
                ComputerState.WAITING, ComputerState.RESERVED, ComputerState.REVOKED, ComputerState.RELEASED,
                ComputerState.RECLAIMED)) {
            ComputerPage page = page("", state, Sort.NAME, false, 0, 100);
            assertThat(page.total()).as("total of state filter %s", state).isEqualTo(page.items().size());
        }
    }

    @Test
    void sorting_by_state_follows_the_state_order_with_expired_after_licensed() {
        ComputerPage page = page("", null, Sort.STATE, false, 0, 100);

        assertThat(page.items()).extracting(ComputerView::state).containsExactly(ComputerState.LICENSED,
                ComputerState.LICENSED, ComputerState.EXPIRED, ComputerState.WAITING, ComputerState.WAITING,
                ComputerState.RESERVED, ComputerState.REVOKED);
        assertThat(page("", null, Sort.STATE, true, 0, 100).items()).extracting(ComputerView::state)
                .containsExactly(ComputerState.REVOKED, ComputerState.RESERVED, ComputerState.WAITING,
                        ComputerState.WAITING, ComputerState.EXPIRED, ComputerState.LICENSED, ComputerState.LICENSED);
    }

    @Test
    void sorting_by_last_contact_puts_the_latest_first_when_descending() {
        assertThat(names(page("", null, Sort.LAST_CONTACT, true, 0, 3))).containsExactly("CHARLIE", "ALPHA", "GOLF");
    }

    @Test
    void search_matches_name_domain_and_user_case_insensitively() {
        assertThat(names(page("lab", null, Sort.NAME, false, 0, 100))).containsExactly("CHARLIE");
        assertThat(names(page("ELT", null, Sort.NAME, false, 0, 100))).containsExactly("DELTA");
        assertThat(names(page("corp\\b", null, Sort.NAME, false, 0, 100))).containsExactly("BRAVO");
        assertThat(page("%", null, Sort.NAME, false, 0, 100).total()).as("LIKE wildcards are taken literally").isZero();
        assertThat(page("o", ComputerState.WAITING, Sort.NAME, true, 0, 1).total()).isEqualTo(2);
    }

    @Test
    void every_row_says_why_it_stands_where_it_does() {
        ComputerPage page = page("", null, Sort.NAME, false, 0, 100);

        assertThat(page.items()).extracting(ComputerView::reason).containsExactly(
                "licensed under ABC-123 until 2026-12-16 10:00 UTC",
                "lease expired 2026-12-08 10:00 UTC: no check-in since 2026-12-01 10:00 UTC",
                "licensed under ABC-123 until 2026-12-16 10:00 UTC",
                "waiting for a seat: all 4 seats of 1 license are in use (1st in line)",
                "waiting for a seat: all 4 seats of 1 license are in use (2nd in line)",
                "seat of ABC-123 reserved by admin; client not installed yet",
                "revoked by admin");
    }
}
