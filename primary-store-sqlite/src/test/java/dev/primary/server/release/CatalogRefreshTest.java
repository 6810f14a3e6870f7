package dev.primary.server.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.server.testing.UpdatesFixture;
import dev.primary.server.testing.WithUpdatesFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two release cores on one store, as two servers on one database: what one changes, the other's catalog (which its
 * check-ins consult) shows after a refresh, and not before.
 */
class CatalogRefreshTest extends WithUpdatesFixture {
    private static final Version V2 = new Version(1, 2, 345);

    @Test
    void another_servers_release_and_rollout_are_in_force_here_after_a_refresh() {
        Releases otherServer = new Releases(new ReleaseSettings(() -> List.copyOf(fixture.trustedReleaseKeys)),
                fixture.store(), fixture.packages(), fixture.clock);
        String sha256 = Sha256.hex(UpdatesFixture.packageBytes(Product.RECORDER, V2));

        fixture.release(Product.RECORDER, V2);
        RolloutView rollout = releases.startRollout(new RolloutRequest(Product.RECORDER, V2, "", 100, 5), "admin");

        assertThat(otherServer.mayDownload(sha256)).as("before a refresh").isFalse();
        assertThatThrownBy(() -> otherServer.rolloutNudgeTargets(rollout.id(), 10))
                .isInstanceOf(RolloutNotFoundException.class);

        otherServer.refreshCatalog();

        assertThat(otherServer.mayDownload(sha256)).isTrue();
        assertThat(otherServer.rolloutNudgeTargets(rollout.id(), 10)).isEmpty();
    }
}
