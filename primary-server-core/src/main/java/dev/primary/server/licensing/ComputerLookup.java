package dev.primary.server.licensing;

import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.server.computer.AmbiguousComputerException;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.ComputerDirectory;
import dev.primary.server.computer.ComputerNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the computer an administrator names: {@code DOMAIN\NAME} or {@code DOMAIN\NAME\USER}
 * exactly, or a bare {@code NAME} in whatever domain it is, if only one. Also used by the release
 * administration (groups, nudges).
 */
public final class ComputerLookup {
    private ComputerLookup() {}

    public static ComputerIdentity parse(String text) {
        try {
            return ComputerIdentity.parse(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("computer must be NAME, DOMAIN\\NAME or DOMAIN\\NAME\\USER: "
                    + e.getMessage());
        }
    }

    public static Computer find(ComputerDirectory reads, String text) {
        return findIfKnown(reads, text).orElseThrow(() -> new ComputerNotFoundException(
                "no computer named " + parse(text).display() + " is known to this server"));
    }

    /** The computer named {@code text}, if any; a bare name matching several is ambiguous. */
    public static Optional<Computer> findIfKnown(ComputerDirectory reads, String text) {
        ComputerIdentity identity = parse(text);
        if (text != null && text.contains("\\")) {
            return reads.computerByKey(identity.key());
        }
        List<Computer> named = reads.computersNamed(identity.computerName());
        if (named.size() > 1) {
            String all = named.stream().map(computer -> computer.identity().display()).sorted()
                    .collect(Collectors.joining(", "));
            throw new AmbiguousComputerException(identity.computerName() + " matches " + named.size()
                    + " computers (" + all + "); name the domain, e.g. " + named.get(0).identity().display());
        }
        return named.stream().findFirst();
    }
}
