package dev.primary.server.release;

import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.ComputerDirectory;
import dev.primary.server.computer.UpdateRecords;
import java.util.List;
import java.util.Optional;

/** What the release core reads from its store. Releases, contents and rollouts are few; computer lookups use indexes. */
public interface ReleaseReads extends ComputerDirectory, UpdateRecords {

    /** Every release, in no particular order. */
    List<Release> releases();

    /** Every content update, in no particular order. */
    List<ContentUpdate> contents();

    /** Every rollout, in no particular order. */
    List<Rollout> rollouts();

    Optional<Rollout> rollout(long id);

    /** How many computers rollout {@code rolloutId} assigned, and how many report it installed or failed. */
    RolloutCounts rolloutCounts(long rolloutId);

    /** How many licensed computers report running {@code version} of {@code product}. */
    long computersRunning(Product product, Version version);

    /** How many licensed computers report content revision {@code revision} applied. */
    long computersWithContent(long revision);

    /** Licensed computers that announced a nudge port, with ids above {@code afterId}, in id order, at most {@code limit}. */
    List<Computer> nudgeableComputers(long afterId, int limit);
}
