package dev.primary.client.update;

import java.nio.file.Path;

/** How one attempt to download a package ended. */
sealed interface DownloadOutcome {
    /** All bytes are there and match the signed size and SHA-256. */
    record Complete(Path file, long fetched) implements DownloadOutcome {
    }

    /** Stopped before the end (connection lost, server unreachable): what arrived is kept, the next attempt resumes. */
    record Interrupted(String why, long fetched) implements DownloadOutcome {
    }

    /** The package cannot be had as signed (wrong digest or size, the server refuses it). */
    record Refused(String why) implements DownloadOutcome {
    }

    /** Stopped because the directive is gone or the service stops. */
    record Cancelled() implements DownloadOutcome {
    }
}
