package dev.primary.client.service;

import dev.primary.protocol.crypto.SigningKey;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link ClientService} is made of.
 *
 * @param settings the configuration (and whether it changed)
 * @param connector opens connections to the configured server
 * @param recorder the supervised Recorder
 * @param leases where the lease is kept
 * @param statusStore where the status is kept
 * @param clientKey the client's own key; its key id is the client id
 * @param timeSource wall clock and monotonic time
 * @param scheduler the one thread everything runs on
 * @param jitter spreads waits between contacts
 * @param configCheckInterval how often to look whether {@code client.json} changed
 * @param updates the software and content updates
 * @param nudge how the server reaches this client between check-ins
 */
public record ServiceParts(SettingsSource settings, ServerConnector connector, Recorder recorder, LeaseStore leases,
        StatusStore statusStore, SigningKey clientKey, TimeSource timeSource, Scheduler scheduler, Jitter jitter,
        Duration configCheckInterval, Updates updates, NudgeSettings nudge) {
    /** Parts without updates and without a nudge listener. */
    public ServiceParts(SettingsSource settings, ServerConnector connector, Recorder recorder, LeaseStore leases,
            StatusStore statusStore, SigningKey clientKey, TimeSource timeSource, Scheduler scheduler, Jitter jitter,
            Duration configCheckInterval) {
        this(settings, connector, recorder, leases, statusStore, clientKey, timeSource, scheduler, jitter,
                configCheckInterval, Updates.NONE, NudgeSettings.NONE);
    }

    public ServiceParts {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(leases, "leases");
        Objects.requireNonNull(statusStore, "statusStore");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(timeSource, "timeSource");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(configCheckInterval, "configCheckInterval");
        Objects.requireNonNull(updates, "updates");
        Objects.requireNonNull(nudge, "nudge");
    }
}
