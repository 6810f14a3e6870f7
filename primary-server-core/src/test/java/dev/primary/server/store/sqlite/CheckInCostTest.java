package dev.primary.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.server.licensing.Licensing;
import dev.primary.server.testing.LicensingFixture;
import dev.primary.server.testing.TestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check-in path must stay cheap: each request is one unit of work for the single writer. */
class CheckInCostTest {
    @TempDir
    Path directory;

    @Test
    void register_verify_report_and_a_waiting_poll_are_one_write_each() {
        try (LicensingFixture fixture = new LicensingFixture(directory)) {
            fixture.activeLicense("ABC-123", 1);
            Licensing server = fixture.licensing();
            SqliteStore store = fixture.store();
            TestClient holder = TestClient.named("CORP\\PC1");
            TestClient waiting = TestClient.named("CORP\\PC2");

            long before = store.writesCommitted();
            assertThat(holder.register(server)).isInstanceOf(CheckInAnswer.Licensed.class);
            assertThat(holder.verify(server)).isInstanceOf(CheckInAnswer.Licensed.class);
            holder.report(server, "licensed");
            assertThat(waiting.register(server)).isInstanceOf(CheckInAnswer.WaitingForSeat.class);
            assertThat(waiting.register(server)).isInstanceOf(CheckInAnswer.WaitingForSeat.class);

            assertThat(store.writesCommitted() - before).isEqualTo(5);
        }
    }
}
