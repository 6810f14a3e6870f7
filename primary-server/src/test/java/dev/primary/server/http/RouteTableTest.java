package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
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

    @Test
    void of_two_routes_declared_with_the_same_pattern_and_method_the_first_answers() {
        Handler second = request -> Response.noContent();
        RouteTable twice = RouteTable.builder().post("/v1/verify", literal).post("/v1/verify", second).build();

        assertThat(twice.resolve("POST", "/v1/verify").handler()).isSameAs(literal);
        assertThat(twice.resolve("POST", "/v1/verify").parameters()).isEmpty();
    }

    @Test
    void a_path_is_matched_whole_not_by_its_prefix_or_with_a_trailing_slash() {
        assertThat(routes.resolve("POST", "/computers/reserve").handler()).isSameAs(literal);
        assertThatThrownBy(() -> routes.resolve("POST", "/computers/reserve/")).isInstanceOf(RouteNotFoundException.class);
        assertThatThrownBy(() -> routes.resolve("POST", "/computers/reserv")).isInstanceOf(MethodNotAllowedException.class);
        assertThatThrownBy(() -> routes.resolve("POST", "computers/reserve")).isInstanceOf(RouteNotFoundException.class);
    }

    @Test
    void a_route_label_is_the_declared_pattern_and_other_for_a_path_no_route_answers() {
        UploadHandler upload = (request, length) -> null;
        RouteTable table = RouteTable.builder()
                .get("/v1/packages/{sha256}", parameterised)
                .post("/v1/verify", literal)
                .upload("/admin/v1/packages/{sha256}", upload)
                .upload("/admin/v1/blob", upload)
                .build();

        assertThat(table.routeOf("POST", "/v1/verify")).isEqualTo("/v1/verify");
        assertThat(table.routeOf("GET", "/v1/packages/ab12")).isEqualTo("/v1/packages/{sha256}");
        assertThat(table.routeOf("PUT", "/admin/v1/blob")).isEqualTo("/admin/v1/blob");
        assertThat(table.routeOf("PUT", "/admin/v1/packages/ab12")).isEqualTo("/admin/v1/packages/{sha256}");
        assertThat(table.routeOf("GET", "/v1/verify")).as("another method").isEqualTo("other");
        assertThat(table.routeOf("POST", "/v1/verify/x")).isEqualTo("other");
    }

    @Test
    void only_a_declared_upload_method_and_path_streams_its_body() {
        UploadHandler upload = (request, length) -> null;
        RouteTable table = RouteTable.builder()
                .post("/admin/v1/packages/{sha256}", literal)
                .upload("/admin/v1/packages/{sha256}", upload)
                .build();

        assertThat(table.isUpload("PUT", "/admin/v1/packages/ab12")).isTrue();
        assertThat(table.isUpload("POST", "/admin/v1/packages/ab12")).isFalse();
        assertThat(table.isUpload("PUT", "/admin/v1/packages")).isFalse();
        assertThat(table.isUpload("PUT", "/admin/v1/packages/")).isFalse();
    }
    @Test
    void an_at_once_handler_is_found_only_for_the_exact_path_of_the_route_that_answers_it() {
        AtOnceHandler atOnce = request -> Optional.empty();
        Response answered = Response.noContent();
        RouteTable table = RouteTable.builder()
                .post("/v1/verify", request -> answered, atOnce)
                .post("/v1/report", literal)
                .build();

        assertThat(table.atOnce("POST", "/v1/verify")).isSameAs(atOnce);
        assertThat(table.resolve("POST", "/v1/verify").handler().handle(null)).as("routed to its handler")
                .isSameAs(answered);
        assertThat(table.atOnce("POST", "/v1/report")).as("a route declared without one").isNull();
        assertThat(table.atOnce("GET", "/v1/verify")).as("another method").isNull();
        assertThat(table.atOnce("POST", "/v1/verify/")).as("another path").isNull();
    }

    @Test
    void an_at_once_handler_of_a_route_declared_after_one_with_the_same_pattern_is_never_used() {
        RouteTable table = RouteTable.builder()
                .post("/v1/verify", literal)
                .post("/v1/verify", parameterised, request -> Optional.empty())
                .build();

        assertThat(table.atOnce("POST", "/v1/verify")).isNull();
    }

    @Test
    void an_at_once_route_has_a_path_without_parameters() {
        assertThatThrownBy(() -> RouteTable.builder().post("/v1/{x}", literal, request -> Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without parameters");
    }
}
