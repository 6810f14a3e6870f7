package dev.primary.bench.fleet.report;

import dev.primary.bench.harness.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The results of one suite run, each under the role it plays in the summary (any may be missing). */
public final class SuiteResults {
    /** What a result stands for in the summary. */
    public enum Role {
        HELLO_FRESH_FULL, HELLO_FRESH_RESUMED, HELLO_REUSE, REGISTER_REUSE, VERIFY_REUSE, REGISTER_FRESH_FULL,
        VERIFY_FRESH_RESUMED, VERIFY_FRESH_FULL, OUTAGE_RECOVERY, UPDATE_WAVE, STATIC_FILE, CLIENT_IDLE, LARGE_FLEET
    }

    private final java.util.EnumMap<Role, ScenarioResult> byRole = new java.util.EnumMap<>(Role.class);
    private final List<ScenarioResult> inOrder = new ArrayList<>();

    public void put(Role role, ScenarioResult result) {
        byRole.put(role, result);
        inOrder.add(result);
    }

    public Optional<ScenarioResult> get(Role role) {
        return Optional.ofNullable(byRole.get(role));
    }

    /** Every result, in the order they were measured. */
    public List<ScenarioResult> all() {
        return List.copyOf(inOrder);
    }
}
