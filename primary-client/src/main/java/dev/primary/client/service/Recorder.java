package dev.primary.client.service;

import dev.primary.protocol.message.Version;

/** The supervised Recorder, as the Client Service sees it. */
public interface Recorder {
    /** Makes sure the Recorder runs (and keeps it running); does nothing when it already does. */
    void start();

    /** Stops the Recorder and keeps it stopped; does nothing when it is not running. */
    void stop();

    /** Whether the Recorder process is running now. */
    boolean running();

    /** The version of the Recorder this client runs. */
    Version version();

    /** Calls {@code listener} (on any thread) whenever the Recorder starts or stops, expectedly or not. */
    void onChange(Runnable listener);
}
