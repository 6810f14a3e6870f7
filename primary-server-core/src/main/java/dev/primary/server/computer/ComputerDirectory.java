package dev.primary.server.computer;

import java.util.List;
import java.util.Optional;

/** Where computers are found by name; both the licensing and the release store ports offer it. */
public interface ComputerDirectory {

    /** The computer whose {@link dev.primary.protocol.message.ComputerIdentity#key()} is {@code holderKey}. */
    Optional<Computer> computerByKey(String holderKey);

    /** Computers named {@code computerName} (any case) without a user, in any domain. */
    List<Computer> computersNamed(String computerName);
}
