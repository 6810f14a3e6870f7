package dev.primary.client.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.testing.ScriptedServer;
import dev.primary.protocol.message.Version;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request sequence kept in the state file, and its re-base on the server's clock. */
class ClientServiceSequenceTest {
    private static final long YEARS_AHEAD = ServiceHarness.START.plus(Duration.ofDays(3650)).toEpochMilli();

    @TempDir
    Path home;

    @Test
    void a_sequence_rebased_on_the_servers_clock_is_saved_even_though_lower_and_used_after_a_restart() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.stateFile.save(new ClientStatus(ClientState.UNLICENSED, "registering", "primary.test:16770",
                harness.clientId(), "CORP\\PC1", null, null, null, null, null, false, Version.NONE, null, YEARS_AHEAD));
        ScriptedServer.Answerer licensing = harness.licensing();
        harness.server().answer(call -> {
            if (call.sequence() > ServiceHarness.START.plus(Duration.ofHours(1)).toEpochMilli()) {
                harness.server().sequence().rebase(ServiceHarness.START);
            }
            return licensing.answer(call);
        });
        harness.start();

        assertThat(harness.server().calls("register").get(0).sequence()).isEqualTo(YEARS_AHEAD + 1);
        assertThat(harness.stateFile.load().orElseThrow().lastSequence())
                .isBetween(ServiceHarness.START.toEpochMilli(), ServiceHarness.START.plusSeconds(1).toEpochMilli());

        harness.advance(Duration.ofMinutes(1));
        harness.restart();
        harness.advance(Duration.ofHours(4));

        assertThat(harness.server().checkIns().get(harness.server().checkIns().size() - 1).sequence())
                .isLessThan(ServiceHarness.START.plus(Duration.ofHours(5)).toEpochMilli());
        assertThat(harness.stateFile.load().orElseThrow().lastSequence()).isLessThan(YEARS_AHEAD);
    }
}
