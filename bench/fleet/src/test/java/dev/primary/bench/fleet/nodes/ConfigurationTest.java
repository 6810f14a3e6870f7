package dev.primary.bench.fleet.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigurationTest {
    @Test
    void reads_sqlite_postgresql_and_a_number_of_postgresql_servers() {
        assertThat(Configuration.parse("sqlite")).isEqualTo(new Configuration(false, 1));
        assertThat(Configuration.parse(" PostgreSQL ")).isEqualTo(new Configuration(true, 1));
        assertThat(Configuration.parse("postgresql:3")).isEqualTo(new Configuration(true, 3));
        assertThat(Configuration.parse("postgresql:3").label()).isEqualTo("3 servers, PostgreSQL");
        assertThat(Configuration.parse("sqlite").label()).isEqualTo("1 server, SQLite");
        assertThat(Configuration.parse("postgresql:2")).hasToString("postgresql:2");
    }

    @Test
    void refuses_what_it_cannot_run_with_the_reason() {
        assertThatThrownBy(() -> Configuration.parse("mysql")).hasMessageContaining("sqlite, postgresql or postgresql:N");
        assertThatThrownBy(() -> Configuration.parse("postgresql:two")).hasMessageContaining("number of servers");
        assertThatThrownBy(() -> Configuration.parse("postgresql:0")).hasMessageContaining("1 to 9");
        assertThatThrownBy(() -> new Configuration(false, 2)).hasMessageContaining("SQLite serves one server");
    }
}
