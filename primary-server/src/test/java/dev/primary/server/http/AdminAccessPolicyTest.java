package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.AccountRole;
import org.junit.jupiter.api.Test;

class AdminAccessPolicyTest {

    @Test
    void reads_need_a_viewer_but_the_accounts_need_an_administrator_even_to_read() {
        assertThat(AdminAccessPolicy.required("GET", "/admin/v1/summary")).isEqualTo(AccountRole.VIEWER);
        assertThat(AdminAccessPolicy.required("GET", "/admin/v1/computers/CORP%5CPC1")).isEqualTo(AccountRole.VIEWER);
        assertThat(AdminAccessPolicy.required("GET", "/admin/v1/audit")).isEqualTo(AccountRole.VIEWER);
        assertThat(AdminAccessPolicy.required("GET", "/admin/v1/accounts")).isEqualTo(AccountRole.ADMINISTRATOR);
        assertThat(AdminAccessPolicy.required("GET", "/admin/v1/accounts/ada/tokens"))
                .isEqualTo(AccountRole.ADMINISTRATOR);
    }

    @Test
    void computer_and_rollout_actions_need_an_operator() {
        assertThat(AdminAccessPolicy.required("POST", "/admin/v1/computers/revoke")).isEqualTo(AccountRole.OPERATOR);
        assertThat(AdminAccessPolicy.required("POST", "/admin/v1/computers/update-now")).isEqualTo(AccountRole.OPERATOR);
        assertThat(AdminAccessPolicy.required("POST", "/admin/v1/rollouts")).isEqualTo(AccountRole.OPERATOR);
        assertThat(AdminAccessPolicy.required("POST", "/admin/v1/rollouts/7/pause")).isEqualTo(AccountRole.OPERATOR);
    }

    @Test
    void what_changes_trust_needs_an_administrator_and_so_does_any_route_the_table_does_not_name() {
        assertThat(AdminAccessPolicy.required("POST", "/admin/v1/licenses")).isEqualTo(AccountRole.ADMINISTRATOR);
        assertThat(AdminAccessPolicy.required("POST", "/admin/v1/enrollment-tokens")).isEqualTo(AccountRole.ADMINISTRATOR);
        assertThat(AdminAccessPolicy.required("POST", "/admin/v1/releases")).isEqualTo(AccountRole.ADMINISTRATOR);
        assertThat(AdminAccessPolicy.required("PUT", "/admin/v1/packages/ab12")).isEqualTo(AccountRole.ADMINISTRATOR);
        assertThat(AdminAccessPolicy.required("POST", "/admin/v1/log-level")).isEqualTo(AccountRole.ADMINISTRATOR);
        assertThat(AdminAccessPolicy.required("POST", "/admin/v1/computers/revoke/extra"))
                .isEqualTo(AccountRole.ADMINISTRATOR);
        assertThat(AdminAccessPolicy.required("POST", "/admin/v1/something-new")).isEqualTo(AccountRole.ADMINISTRATOR);
        assertThat(AdminAccessPolicy.required("DELETE", "/admin/v1/summary")).isEqualTo(AccountRole.ADMINISTRATOR);
    }

    @Test
    void the_statistics_are_read_by_a_viewer_and_nothing_else_is_open_under_them() {
        assertThat(AdminAccessPolicy.required("GET", "/admin/v1/stats/hourly")).isEqualTo(AccountRole.VIEWER);
        assertThat(AdminAccessPolicy.required("GET", "/admin/v1/stats/recorder-versions")).isEqualTo(AccountRole.VIEWER);
        assertThat(AdminAccessPolicy.required("GET", "/admin/v1/stats/rollouts/7")).isEqualTo(AccountRole.VIEWER);
        assertThat(AdminAccessPolicy.required("POST", "/admin/v1/stats/hourly")).isEqualTo(AccountRole.ADMINISTRATOR);
    }
}
