package dev.primary.client.testing;

import dev.primary.client.service.Recorder;
import dev.primary.protocol.message.Version;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Recorder that only counts: started, stopped, crashed. */
public final class FakeRecorder implements Recorder {
    private final Version version;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private boolean running;
    private int starts;
    private int stops;

    public FakeRecorder(Version version) {
        this.version = version;
    }

    @Override
    public void start() {
        if (!running) {
            running = true;
            starts++;
            listeners.forEach(Runnable::run);
        }
    }

    @Override
    public void stop() {
        if (running) {
            running = false;
            stops++;
            listeners.forEach(Runnable::run);
        }
    }

    /** The Recorder process dies on its own. */
    public void crash() {
        running = false;
        listeners.forEach(Runnable::run);
    }

    @Override
    public boolean running() {
        return running;
    }

    @Override
    public Version version() {
        return version;
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public int starts() {
        return starts;
    }

    public int stops() {
        return stops;
    }
}
