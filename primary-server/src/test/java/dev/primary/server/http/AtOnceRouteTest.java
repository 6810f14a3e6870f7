package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslProvider;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A route with an {@link AtOnceHandler}, over a real listener: answered on the event loop when that handler can,
 * and by the route's handler on a worker, from the start, when it declines or throws.
 */
class AtOnceRouteTest {
    private static final String JSON = "application/json";

    private final AtomicReference<String> atOnceThread = new AtomicReference<>();
    private final AtomicInteger handled = new AtomicInteger();

    @Test
    void a_request_the_at_once_handler_answers_is_answered_on_the_event_loop_without_a_worker() throws Exception {
        try (EdgeHarness edge = edgeWith(request -> Optional.of(answer("at-once")))) {
            HttpResponse<String> response = edge.client.postJson("/v1/check", "{\"n\":1}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"by\":\"at-once\"");
            assertThat(atOnceThread.get()).contains("-io-");
            assertThat(handled).as("the worker's handler never ran").hasValue(0);
        }
    }

    @Test
    void a_request_it_declines_is_answered_by_the_handler_on_a_worker() throws Exception {
        try (EdgeHarness edge = edgeWith(request -> Optional.empty())) {
            HttpResponse<String> response = edge.client.postJson("/v1/check", "{\"n\":1}");

            assertThat(response.body()).contains("\"by\":\"test-worker-");
            assertThat(atOnceThread.get()).as("it was asked first").isNotNull();
            assertThat(handled).hasValue(1);
        }
    }

    @Test
    void a_request_on_which_it_throws_is_answered_by_the_handler_as_without_it() throws Exception {
        try (EdgeHarness edge = edgeWith(request -> {
            throw new IllegalStateException("not decidable here");
        })) {
            HttpResponse<String> response = edge.client.postJson("/v1/check", "{\"n\":1}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"by\":\"test-worker-");
            assertThat(handled).hasValue(1);
        }
    }

    @Test
    void a_request_that_is_not_json_is_refused_by_the_worker_path_as_before() throws Exception {
        try (EdgeHarness edge = edgeWith(request -> Optional.of(answer("at-once")))) {
            HttpResponse<String> response = edge.client.post("/v1/check", "text/plain", "n=1".getBytes());

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(atOnceThread.get()).as("never asked").isNull();
            assertThat(handled).hasValue(0);
        }
    }

    @Test
    void a_body_over_the_at_once_bound_goes_to_a_worker_without_being_tried() throws Exception {
        String large = "{\"n\":\"" + "x".repeat(RequestDispatcher.AT_ONCE_MAX_BODY) + "\"}";
        try (EdgeHarness edge = edgeWith(request -> Optional.of(answer("at-once")))) {
            HttpResponse<String> response = edge.client.postJson("/v1/check", large);

            assertThat(response.body()).contains("\"by\":\"test-worker-");
            assertThat(atOnceThread.get()).as("never asked").isNull();
            assertThat(handled).hasValue(1);
        }
    }

    private EdgeHarness edgeWith(AtOnceHandler inner) {
        AtOnceHandler atOnce = request -> {
            atOnceThread.set(Thread.currentThread().getName());
            return inner.tryAtOnce(request);
        };
        RouteTable routes = RouteTable.builder()
                .post("/v1/check", request -> {
                    handled.incrementAndGet();
                    return answer(Thread.currentThread().getName());
                }, atOnce)
                .build();
        return new EdgeHarness(routes, new WorkerPool("test-worker", 2, 8), SslProvider.JDK);
    }

    private static Reply answer(String by) {
        return Response.json(Map.of("by", by));
    }
}
