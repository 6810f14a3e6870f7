package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final Handler literal = request -> Response.noContent();
    private final Handler parameterised = request -> Response.noContent();
    private final RouteTable routes = RouteTable.builder()
            .get("/computers/{computer}", parameterised)
            .post("/computers/reserve", literal)
            .get("/computers/reserve/{x}", parameterised)
            .build();

    @Test
    void a_literal_segment_beats_a_parameter_for_the_same_method() {
        RouteTable both = RouteTable.builder().get("/a/{b}", parameterised).get("/a/literal", literal).build();

        assertThat(both.resolve("GET", "/a/literal").handler()).isSameAs(literal);
        assertThat(both.resolve("GET", "/a/other").handler()).isSameAs(parameterised);
    }

    @Test
    void path_parameters_are_percent_decoded() {
        assertThat(routes.resolve("GET", "/computers/CORP%5CPC1").parameters()).isEqualTo(Map.of("computer", "CORP\\PC1"));
    }

    @Test
    void an_unknown_path_is_not_found_and_a_known_path_with_another_method_is_not_allowed() {
        assertThatThrownBy(() -> routes.resolve("GET", "/nothing")).isInstanceOf(RouteNotFoundException.class);
        assertThatThrownBy(() -> routes.resolve("GET", "/computers/")).isInstanceOf(RouteNotFoundException.class);
        assertThatThrownBy(() -> routes.resolve("DELETE", "/computers/reserve"))
                .isInstanceOf(MethodNotAllowedException.class)
                .hasMessage("/computers/reserve does not accept DELETE; it accepts GET, POST");
    }
}
