package dev.primary.client.testing;

import dev.primary.client.service.Recorder;
import dev.primary.client.service.RecorderExit;
import dev.primary.client.service.RecorderProgram;
import dev.primary.protocol.message.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A Recorder that only counts: started, stopped, crashed, switched to another program. */
public final class FakeRecorder implements Recorder {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<RecorderExit>> exitListeners = new CopyOnWriteArrayList<>();
    private final List<RecorderProgram> switches = new ArrayList<>();
    private RecorderProgram program;
    private boolean running;
    private boolean wanted;
    private int starts;
    private int stops;

    public FakeRecorder(Version version) {
        this.program = new RecorderProgram(List.of("recorder"), version);
    }

    @Override
    public void start() {
        wanted = true;
        if (!running) {
            running = true;
            starts++;
            listeners.forEach(Runnable::run);
        }
    }

    @Override
    public void stop() {
        wanted = false;
        if (running) {
            running = false;
            stops++;
            listeners.forEach(Runnable::run);
        }
    }

    /** The Recorder process dies on its own (the client still wants it: a switch starts the next program). */
    public void crash() {
        running = false;
        listeners.forEach(Runnable::run);
    }

    /** The Recorder process exits on its own with {@code exitCode} after {@code ran}, as the supervisor reports it. */
    public void exit(int exitCode, Duration ran) {
        crash();
        RecorderExit exit = RecorderExit.exited(program.version(), exitCode, ran);
        exitListeners.forEach(listener -> listener.accept(exit));
    }

    @Override
    public boolean running() {
        return running;
    }

    @Override
    public RecorderProgram program() {
        return program;
    }

    @Override
    public void switchTo(RecorderProgram next) {
        switches.add(next);
        program = next;
        if (wanted) {
            running = true;
            starts++;
            listeners.forEach(Runnable::run);
        }
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void onExit(Consumer<RecorderExit> listener) {
        exitListeners.add(listener);
    }

    public int starts() {
        return starts;
    }

    public int stops() {
        return stops;
    }

    /** The programs switched to, in order. */
    public List<RecorderProgram> switches() {
        return List.copyOf(switches);
    }
}
