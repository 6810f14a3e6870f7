package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.metrics.ErrorKind;
import dev.primary.bench.fleet.transport.Answer;
import dev.primary.bench.fleet.transport.BodyMode;
import dev.primary.bench.fleet.transport.OutgoingRequest;

/** One exchange a lane is to make, and how to judge its answer. */
public interface Work {
    /** The request; made (and signed) when the lane is ready to send it. */
    OutgoingRequest request();

    BodyMode bodyMode();

    /** Which TLS ticket slot a fresh connection uses (the client's own), or -1. */
    int ticketSlot();

    /** Judges a 2xx answer: null when it counts as a success, else why not. */
    ErrorKind judge(Answer answer);

    /** Called once the exchange ended, either way (a client goes back to its queue here). */
    void done();
}
