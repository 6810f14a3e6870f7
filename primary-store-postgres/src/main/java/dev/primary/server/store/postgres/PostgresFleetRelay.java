package dev.primary.server.store.postgres;

import dev.primary.server.fleet.CommittedChanges;
import dev.primary.server.fleet.FleetRelay;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet's changes relayed between the servers on one database with {@code LISTEN}/{@code NOTIFY}: each server
 * sends what it committed in one interval as one notification on {@value #CHANNEL} (through its pool, after its own
 * commits), and hears the others' on a connection of its own, waiting in {@link PGConnection#getNotifications(int)}
 * with a timeout so that closing never waits long. A notification carries the sender, flags and computer ids, never
 * names or anything secret; a batch too large for one notification ({@value #MAX_PAYLOAD} characters, PostgreSQL's
 * limit is 8,000 bytes) is sent as a resync. After the listening connection was lost, the first thing heard once it
 * is back is a resync: notifications sent meanwhile are gone.
 */
public final class PostgresFleetRelay implements FleetRelay {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresFleetRelay.class);
    static final String CHANNEL = "primary_fleet_changes";
    static final int MAX_PAYLOAD = 7_900;
    private static final int WAIT_MILLIS = 500;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    /** Opens a connection to the database. */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector pooled;
    private final Connector dedicated;
    private final String sender = UUID.randomUUID().toString().substring(0, 8);
    private volatile boolean closed;
    private Thread listening;

    PostgresFleetRelay(Connector pooled, Connector dedicated) {
        this.pooled = pooled;
        this.dedicated = dedicated;
    }

    @Override
    public void send(CommittedChanges changes) {
        try (Connection connection = pooled.open();
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, encode(sender, changes));
            notify.executeQuery().close();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("fleet changes - could not relay to the other servers: {}", e.toString());
        }
    }

    @Override
    public synchronized void receive(Consumer<CommittedChanges> listener) {
        if (listening != null) {
            throw new IllegalStateException("the relay already has a listener");
        }
        listening = new Thread(() -> listen(listener), "primary-fleet-relay");
        listening.setDaemon(true);
        listening.start();
    }

    private void listen(Consumer<CommittedChanges> listener) {
        Duration retry = FIRST_RETRY;
        boolean lost = false;
        while (!closed) {
            try (Connection connection = dedicated.open()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (lost) {
                    LOG.info("fleet changes - hearing the other servers again");
                    listener.accept(new CommittedChanges(Map.of(), true, true));
                    lost = false;
                }
                retry = FIRST_RETRY;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] arrived = notifications.getNotifications(WAIT_MILLIS);
                    if (arrived == null) {
                        continue;
                    }
                    for (PGNotification notification : arrived) {
                        CommittedChanges changes = decode(sender, notification.getParameter());
                        if (!changes.isEmpty()) {
                            listener.accept(changes);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!lost) {
                    LOG.warn("fleet changes - not hearing the other servers, retrying every {} s at most: {}",
                            LAST_RETRY.toSeconds(), e.toString());
                }
                lost = true;
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    /** {@code sender|flags|id,id,...}; flags {@code l} (license counts) and {@code r} (resync). */
    static String encode(String sender, CommittedChanges changes) {
        StringBuilder text = new StringBuilder(sender).append('|');
        text.append(changes.licenses() ? "l" : "").append(changes.resync() ? "r" : "").append('|');
        int start = text.length();
        for (long id : changes.computers().keySet()) {
            if (text.length() > start) {
                text.append(',');
            }
            text.append(id);
        }
        if (text.length() > MAX_PAYLOAD) {
            return sender + "|lr|";
        }
        return text.toString();
    }

    /** What {@code payload} says, or nothing when this relay sent it (or it is not the relay's format). */
    static CommittedChanges decode(String ownSender, String payload) {
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 3 || parts[0].equals(ownSender)) {
            return CommittedChanges.NOTHING;
        }
        Map<Long, String> computers = new LinkedHashMap<>();
        try {
            for (String id : parts[2].isEmpty() ? new String[0] : parts[2].split(",")) {
                computers.put(Long.parseLong(id), "");
            }
        } catch (NumberFormatException e) {
            return CommittedChanges.NOTHING;
        }
        return new CommittedChanges(computers, parts[1].contains("l"), parts[1].contains("r"));
    }

    @Override
    public void close() {
        closed = true;
        Thread thread;
        synchronized (this) {
            thread = listening;
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
