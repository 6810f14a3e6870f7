package dev.primary.server.enrollment;

import java.util.List;
import java.util.Optional;

/** What the enrollment side reads from the store. */
public interface EnrollmentReads {

    Optional<EnrollmentToken> enrollmentToken(String id);

    /** Every enrollment token, newest first. */
    List<EnrollmentToken> enrollmentTokens();

    /** How a computer was enrolled; empty for a computer not saved. */
    Optional<ComputerEnrollment> enrollmentOf(long computerId);

    /** The source addresses that enrolled the most computers, with how many each, most first. */
    List<SourceCount> enrollmentSources(int limit);

    /**
     * How many computers one source address enrolled.
     *
     * @param address the IP address
     * @param computers how many computers were first registered from it
     */
    record SourceCount(String address, long computers) {
    }
}
