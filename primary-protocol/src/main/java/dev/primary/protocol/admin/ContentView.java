package dev.primary.protocol.admin;

import java.time.Instant;

/**
 * A content update ("signature file") known to the server.
 *
 * @param revision its revision
 * @param fileName its file name
 * @param size size in bytes
 * @param sha256 SHA-256 (hex)
 * @param notes what changed
 * @param signedBy key id of the release key that signed it
 * @param importedAt when it was added to this server
 * @param computersApplied how many computers report this revision applied
 */
public record ContentView(long revision, String fileName, long size, String sha256, String notes, String signedBy,
        Instant importedAt, long computersApplied) {
}
