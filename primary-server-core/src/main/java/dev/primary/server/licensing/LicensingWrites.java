package dev.primary.server.licensing;

import dev.primary.server.account.AccountWrites;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.UpdateRecordWrites;
import dev.primary.server.enrollment.EnrollmentWrites;
import dev.primary.server.stats.StatsWrites;
import java.time.Instant;

/** What a unit of work may change, inside one {@link LicensingStore#write}; it sees its own changes. */
public interface LicensingWrites extends LicensingReads, UpdateRecordWrites, EnrollmentWrites, AccountWrites,
        StatsWrites {

    void insertClient(ClientRecord client);

    /** Revokes client {@code clientId}'s key ({@code reason} non-empty), or lifts that ({@code reason} empty). */
    void setClientRevocation(String clientId, String reason);

    /**
     * Records {@code sequence} as the client's last accepted one, if it is larger than the one
     * stored; returns false (and changes nothing) if it is not.
     */
    boolean advanceSequence(String clientId, long sequence);

    /** Inserts a computer not saved before; returns it with its id. */
    Computer insertComputer(Computer computer);

    void updateComputer(Computer computer);

    /**
     * The store's last-contact write: sets computer {@code computerId}'s last contact to {@code at} if it is later
     * than the one stored (or none is); never moves it back, and changes nothing for a computer no longer stored.
     */
    void touchContact(long computerId, Instant at);

    /** Deletes a computer and what is kept about it (update records, enrollment). */
    void deleteComputer(long id);

    /** Records a newly imported license and keeps the file it came from. */
    void insertLicense(License license, SignedDocument licenseFile);

    /** Replaces a license's terms with newer ones from {@code licenseFile} (its seats used and unlock stay). */
    void updateLicenseTerms(License license, SignedDocument licenseFile);

    /** Marks license {@code serial} unlocked and keeps the unlock file. */
    void unlockLicense(String serial, Instant unlockedAt, SignedDocument unlockFile);

    /** Adds {@code delta} to the seats used of license {@code serial}. */
    void changeSeatsUsed(String serial, int delta);

    @Override
    void audit(AuditEvent event);
}
