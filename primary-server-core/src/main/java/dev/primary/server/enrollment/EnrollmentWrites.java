package dev.primary.server.enrollment;

/** What the enrollment side changes, inside a store write. */
public interface EnrollmentWrites extends EnrollmentReads {

    void insertEnrollmentToken(EnrollmentToken token);

    /** Saves a token's uses and revocation (its terms never change). */
    void updateEnrollmentToken(EnrollmentToken token);

    void saveEnrollment(long computerId, ComputerEnrollment enrollment);
}
