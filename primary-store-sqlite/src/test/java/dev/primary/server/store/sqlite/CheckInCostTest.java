package dev.primary.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.UpdateReport;
import dev.primary.protocol.release.UpdateState;
import dev.primary.server.licensing.Licensing;
import dev.primary.server.testing.LicensingFixture;
import dev.primary.server.testing.TestClient;
import dev.primary.server.testing.UpdatesFixture;
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

    @Test
    void a_check_in_that_is_given_an_update_and_reports_on_it_is_still_one_write() {
        try (UpdatesFixture fixture = new UpdatesFixture(directory)) {
            Version v2 = new Version(1, 2, 345);
            TestClient client = TestClient.named("CORP\\PC1");
            client.runsRecorder(new Version(1, 0, 1));
            client.register(fixture.licensing());
            fixture.release(Product.RECORDER, v2);
            RolloutView rollout = fixture.releases().startRollout(
                    new RolloutRequest(Product.RECORDER, v2, "", 100, 5), "admin");
            long before = fixture.store().writesCommitted();

            CheckInAnswer.Licensed told = (CheckInAnswer.Licensed) client.verify(fixture.licensing());
            client.reports(new UpdateReport(Product.RECORDER, v2, rollout.id(), UpdateState.DOWNLOADING, ""));
            client.verify(fixture.licensing());
            client.report(fixture.licensing(), "licensed");

            assertThat(told.updates()).hasSize(1);
            assertThat(fixture.store().writesCommitted() - before).isEqualTo(3);
        }
    }
}
