package dev.primary.server.http;

/** Runs before routing for every request of a listener (authentication); throws to refuse the request. */
@FunctionalInterface
public interface RequestFilter {
    void check(Request request);
}
