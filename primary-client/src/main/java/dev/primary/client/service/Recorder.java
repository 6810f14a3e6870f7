package dev.primary.client.service;

import dev.primary.protocol.message.Version;
import java.util.function.Consumer;

/** The supervised Recorder, as the Client Service sees it. */
public interface Recorder {
    /** Makes sure the Recorder runs (and keeps it running); does nothing when it already does. */
    void start();

    /** Stops the Recorder and keeps it stopped; does nothing when it is not running. */
    void stop();

    /** Whether the Recorder process is running now. */
    boolean running();

    /** The program this client runs as its Recorder (the configured one, or an installed release). */
    RecorderProgram program();

    /** The version of the Recorder this client runs. */
    default Version version() {
        return program().version();
    }

    /**
     * Runs {@code program} from now on: the running Recorder is stopped and, when the Recorder is wanted,
     * the new program started at once.
     */
    void switchTo(RecorderProgram program);

    /** Calls {@code listener} (on any thread) whenever the Recorder starts or stops, expectedly or not. */
    void onChange(Runnable listener);

    /** Calls {@code listener} (on any thread) when the Recorder ends without being asked to, or cannot be started. */
    void onExit(Consumer<RecorderExit> listener);
}
