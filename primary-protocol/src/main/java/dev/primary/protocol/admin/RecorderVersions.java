package dev.primary.protocol.admin;

import java.util.List;

/**
 * The fleet's Recorder versions ({@code GET /admin/v1/stats/recorder-versions}): every computer the server knows but
 * conflicts (which are claims, not computers), counted by the Recorder version it last reported.
 *
 * @param computers all computers counted
 * @param versions one entry per version, newest version first
 */
public record RecorderVersions(long computers, List<RecorderVersionCount> versions) {
    public RecorderVersions {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }
}
