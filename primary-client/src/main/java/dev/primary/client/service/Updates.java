package dev.primary.client.service;

import dev.primary.protocol.release.ContentDirective;
import dev.primary.protocol.release.UpdateDirective;
import dev.primary.protocol.release.UpdateReport;
import java.util.List;
import java.util.Optional;

/**
 * The software and content updates of a Client Service, as its check-ins see them: the server's
 * directives go in, the reports and the applied content revision come out. All methods are called on
 * the service's thread.
 */
public interface Updates {
    /** Nothing is ever updated: for clients and tests without updates. */
    Updates NONE = new Updates() {
        @Override
        public void start(UpdateHost host) {
        }

        @Override
        public void directed(List<UpdateDirective> updates, Optional<ContentDirective> content) {
        }

        @Override
        public List<UpdateReport> reports() {
            return List.of();
        }

        @Override
        public long contentRevision() {
            return 0;
        }

        @Override
        public void stop() {
        }
    };

    /** Starts: restores what was in progress (e.g. a Recorder in its health period). */
    void start(UpdateHost host);

    /** The directives of a {@code licensed} answer; products without a directive are acknowledged (their reports dropped). */
    void directed(List<UpdateDirective> updates, Optional<ContentDirective> content);

    /**
     * The server answered an authenticated check-in (licensed, waiting for a seat or revoked): a new Client Service
     * version on trial has proven that it reaches the server.
     */
    default void reachedServer() {
    }

    /** Where each update stands, carried in every {@code verify} and {@code report} until the server acknowledges it. */
    List<UpdateReport> reports();

    /** The content revision applied; 0 = none. */
    long contentRevision();

    /** Stops downloads and timers; what was in progress resumes at the next start. */
    void stop();
}
