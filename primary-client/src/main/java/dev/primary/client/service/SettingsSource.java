package dev.primary.client.service;

import java.util.Optional;

/** The client's settings, and whether they changed since last asked ({@code client-service repoint}). */
public interface SettingsSource {
    /** The settings in force. */
    ServiceSettings current();

    /** New settings when the configuration changed since the last call; empty otherwise (cheap: a file-system stat). */
    Optional<ServiceSettings> changed();
}
