package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import io.netty.handler.ssl.SslProvider;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void a_full_pool_and_queue_answer_503_server_busy_with_retry_after_and_the_others_finish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RouteTable routes = RouteTable.builder()
                .get("/slow", request -> {
                    entered.countDown();
                    await(release);
                    return Response.json(Map.of("done", true));
                })
                .build();
        try (EdgeHarness edge = new EdgeHarness(routes, new WorkerPool("test-worker", 1, 1), SslProvider.JDK)) {
            CompletableFuture<HttpResponse<String>> first = edge.client.sendAsync(edge.client.request("/slow").build());
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<HttpResponse<String>> second = edge.client.sendAsync(edge.client.request("/slow").build());
            CompletableFuture<HttpResponse<String>> third = edge.client.sendAsync(edge.client.request("/slow").build());

            HttpResponse<String> refused = (HttpResponse<String>) CompletableFuture.anyOf(second, third)
                    .get(10, TimeUnit.SECONDS);
            release.countDown();

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            Problem problem = Json.read(refused.body().getBytes(StandardCharsets.UTF_8), Problem.class);
            assertThat(problem.knownType()).hasValue(ProblemType.SERVER_BUSY);
            List<Integer> statuses = List.of(first.get(10, TimeUnit.SECONDS).statusCode(),
                    second.get(10, TimeUnit.SECONDS).statusCode(), third.get(10, TimeUnit.SECONDS).statusCode());
            assertThat(statuses).containsExactlyInAnyOrder(200, 200, 503);
        }
    }

    @Test
    void handlers_run_on_worker_threads_not_on_the_event_loop() throws Exception {
        RouteTable routes = RouteTable.builder()
                .get("/thread", request -> Response.json(Map.of("thread", Thread.currentThread().getName())))
                .build();
        try (EdgeHarness edge = new EdgeHarness(routes, new WorkerPool("test-worker", 2, 8), SslProvider.JDK)) {
            assertThat(edge.client.get("/thread").body()).contains("test-worker-");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
