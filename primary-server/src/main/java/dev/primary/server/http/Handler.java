package dev.primary.server.http;

/** Answers the requests of one route; throws to answer with a problem (see {@link ProblemResponses}). */
@FunctionalInterface
public interface Handler {
    Reply handle(Request request);
}
