package dev.primary.protocol.message;

import dev.primary.protocol.release.UpdateReport;
import java.util.List;
import java.util.Objects;

/**
 * {@code POST /v1/report}: a state change the server should show at once, such as the Recorder
 * starting or stopping. Signed with the client's key. Answered with 204.
 *
 * @param recorderVersion the version of the Recorder now running, {@link Version#NONE} if none
 * @param clientState the client's own state ({@code licensed}, {@code degraded}, ...)
 * @param detail a short human-readable explanation, at most 500 characters
 * @param contentRevision the content revision applied (0 = none)
 * @param updates where the client stands with its updates (a download started, installed, failed + reason)
 */
public record ReportRequest(Version recorderVersion, String clientState, String detail, Long contentRevision,
        List<UpdateReport> updates) {
    public ReportRequest(Version recorderVersion, String clientState, String detail) {
        this(recorderVersion, clientState, detail, 0L, List.of());
    }

    public ReportRequest {
        contentRevision = contentRevision == null ? 0L : contentRevision;
        updates = updates == null ? List.of() : List.copyOf(updates);
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        Objects.requireNonNull(clientState, "clientState");
        detail = detail == null ? "" : detail;
        if (detail.length() > 500) {
            throw new IllegalArgumentException("detail is longer than 500 characters");
        }
    }
}
