package dev.primary.server.licensing;

import dev.primary.protocol.release.ContentDirective;
import dev.primary.protocol.release.UpdateDirective;
import java.util.List;
import java.util.Optional;

/**
 * What a licensed client is told to install at a check-in.
 *
 * @param updates at most one directive per product
 * @param content a newer content revision; {@code null} when the client has the latest
 */
public record CheckInDirectives(List<UpdateDirective> updates, ContentDirective content) {
    public static final CheckInDirectives NONE = new CheckInDirectives(List.of(), null);

    public CheckInDirectives {
        updates = updates == null ? List.of() : List.copyOf(updates);
    }

    public Optional<ContentDirective> contentUpdate() {
        return Optional.ofNullable(content);
    }
}
