package dev.primary.server.licensing;

import dev.primary.server.audit.AuditFilter;
import dev.primary.server.account.AccountReads;
import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.ComputerDirectory;
import dev.primary.server.computer.UpdateRecords;
import dev.primary.server.enrollment.EnrollmentReads;
import dev.primary.server.stats.StatsReads;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the licensing core reads from its store. Every lookup here is by an index. */
public interface LicensingReads extends ComputerDirectory, UpdateRecords, EnrollmentReads, AccountReads,
        StatsReads {

    Optional<ClientRecord> client(String clientId);

    /** The computers a client speaks for (usually one; several for per-user seats of one client). */
    List<Computer> computersOfClient(String clientId);

    /**
     * The client with its computers and their licenses, as {@link #client}, {@link #computersOfClient} and
     * {@link #license} would read them in one snapshot; empty for a client this store does not know. A store may read
     * it in one statement: it is what every check-in that keeps its lease reads.
     */
    default Optional<ClientHoldings> clientHoldings(String clientId) {
        return client(clientId).map(client -> {
            List<Computer> computers = computersOfClient(clientId);
            Map<String, License> licenses = new HashMap<>();
            for (Computer computer : computers) {
                if (computer.licenseSerial() != null && !licenses.containsKey(computer.licenseSerial())) {
                    license(computer.licenseSerial()).ifPresent(license -> licenses.put(license.serial(), license));
                }
            }
            return new ClientHoldings(client, computers, licenses);
        });
    }

    /** The computer with store id {@code id}, if it is still stored. */
    Optional<Computer> computerById(long id);

    Optional<License> license(String serial);

    List<License> licenses();

    /** The computers holding a seat of license {@code serial}. */
    List<Computer> seatsOf(String serial);

    /** An active license with a free seat: the one expiring first, perpetual ones last. */
    Optional<License> licenseWithFreeSeat(Instant now);

    /** The computer that has waited longest for a seat. */
    Optional<Computer> oldestWaiting();

    /** 1-based place of a waiting computer in the queue for a seat. */
    int queuePosition(Computer waiting);

    /**
     * 1-based places in the queue of the waiting computers among {@code computers}, by computer id (a page
     * of Manage Computers). A store may do better than one {@link #queuePosition} each.
     */
    default Map<Long, Integer> queuePositions(List<Computer> computers) {
        Map<Long, Integer> places = new HashMap<>();
        for (Computer computer : computers) {
            if (computer.state() == ComputerState.WAITING) {
                places.put(computer.id(), queuePosition(computer));
            }
        }
        return places;
    }

    /** Computers holding a seat as LICENSED (lease valid or not) whose last contact is before {@code cutoff}. */
    List<Computer> silentSince(Instant cutoff, int limit);

    /** What the active licenses grant, and how much of it is held (from the licenses alone: cheap). */
    PoolSize poolSize(Instant now);

    /**
     * Computers in {@code state} whose last contact is before {@code cutoff} (or who never made one), enrolled
     * with token {@code tokenId} ({@code ""} = any), oldest contact first.
     */
    List<Computer> silentIn(ComputerState state, Instant cutoff, String tokenId, int limit);

    /** How many computers are active, reserved and waiting (counted over indexes). */
    HolderCounts holderCounts(Instant now);

    /** The page of Manage Computers {@code query} asks for; filtering, sorting and paging happen in the store. */
    ComputerRows computers(ComputerQuery query, Instant now);

    /** Audit entries newest first, with ids below {@code beforeId} (0 = from the newest). */
    List<AuditEntry> audit(long beforeId, int limit);

    /**
     * The newest audit entries first that {@code filter} matches, at most {@code limit}, with ids below
     * {@code beforeId} (0 = newest).
     */
    List<AuditEntry> audit(AuditFilter filter, long beforeId, int limit);
}
