package dev.primary.server.metrics;

import dev.primary.server.store.CommitObserver;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The store's group commits: {@code primary_store_commit_seconds} (latency, fsync included) and
 * {@code primary_store_commit_batch_writes} (writes per commit), both with Prometheus histogram buckets.
 */
public final class CommitMetrics implements CommitObserver {
    private final Timer latency;
    private final DistributionSummary batchSize;

    public CommitMetrics(MeterRegistry registry) {
        latency = Timer.builder("primary.store.commit").description("time of one store transaction, fsync included")
                .publishPercentileHistogram().register(registry);
        batchSize = DistributionSummary.builder("primary.store.commit.batch").baseUnit("writes")
                .description("writes group-committed in one transaction").publishPercentileHistogram()
                .minimumExpectedValue(1.0).maximumExpectedValue(1024.0).register(registry);
    }

    @Override
    public void committed(int writes, long nanos) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
        batchSize.record(writes);
    }
}
