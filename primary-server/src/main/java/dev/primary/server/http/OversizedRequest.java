package dev.primary.server.http;

/** Passed up the pipeline in place of a request whose body exceeded the limit; answered 413 in order. */
record OversizedRequest(String method, String uri) {
}
