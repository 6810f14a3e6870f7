package dev.primary.server.http;

import java.util.Optional;

/**
 * Answers a request of one route on the network thread that read it, when it can from memory alone: no store, no
 * lock another thread may hold, no signature check, nothing that waits. Declared beside the route's {@link Handler}
 * ({@link RouteTable.Builder#post(String, Handler, AtOnceHandler)}), which answers on a worker whenever this one does
 * not: when it is empty, and when it throws (the handler then sees the request from the start, and its answer is the
 * one sent). So an at-once handler saves the worker hand-off where it can, and changes no answer.
 */
@FunctionalInterface
public interface AtOnceHandler {
    /** The reply, or empty when the route's {@link Handler} is to answer. */
    Optional<Reply> tryAtOnce(Request request);
}
