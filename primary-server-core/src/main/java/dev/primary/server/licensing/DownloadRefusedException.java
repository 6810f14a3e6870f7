package dev.primary.server.licensing;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** A client asked for a package it may not fetch: it holds no seat, or no release or content has that package. */
public final class DownloadRefusedException extends PrimaryException {
    private DownloadRefusedException(ProblemType problemType, String message) {
        super(problemType, message);
    }

    /** The client's computer holds no seat (waiting, revoked, released...). */
    public static DownloadRefusedException notLicensed(String message) {
        return new DownloadRefusedException(ProblemType.CONFLICT, message);
    }

    /** No known release or content update has that package. */
    public static DownloadRefusedException unknownPackage(String message) {
        return new DownloadRefusedException(ProblemType.NOT_FOUND, message);
    }
}
