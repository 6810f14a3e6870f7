package dev.primary.server.release;

import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.admin.RolloutView.State;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.server.computer.Computer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A release assigned to computers: all of them or one group, and of those a share that is raised
 * step by step. Which computers a share reaches is decided by {@link #bucket}, so raising it only
 * ever adds computers.
 *
 * @param id the store's id; 0 until saved
 * @param product the product
 * @param version the release it rolls out
 * @param group the group it is limited to; empty for all computers
 * @param percent the share of eligible computers it reaches, 1-100
 * @param failureThreshold computers reporting a failure that halt it; 0 = never
 * @param state running, paused, halted or superseded
 * @param reason why it is in its state; empty while simply running
 * @param createdAt when it started
 * @param changedAt when its state or share last changed
 */
public record Rollout(long id, Product product, Version version, String group, int percent, int failureThreshold,
        State state, String reason, Instant createdAt, Instant changedAt) {
    public Rollout {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(changedAt, "changedAt");
        group = group == null ? "" : group;
        reason = reason == null ? "" : reason;
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1-100, got " + percent);
        }
        if (failureThreshold < 0) {
            throw new IllegalArgumentException("failureThreshold cannot be negative, got " + failureThreshold);
        }
    }

    /** A rollout an administrator starts now; saved next. */
    public static Rollout started(RolloutRequest request, Instant now) {
        return new Rollout(0, request.product(), request.version(), request.group(), request.percent(),
                request.failureThreshold(), State.RUNNING, "", now, now);
    }

    /**
     * Where a computer falls in rollout {@code rolloutId}: the first 4 bytes of
     * SHA-256({@code rolloutId + ":" + computerKey}), unsigned, modulo 100. A p% share reaches the
     * computers whose bucket is below p. Each rollout mixes the fleet anew, so the same computers
     * are not always the first.
     */
    public static int bucket(long rolloutId, String computerKey) {
        byte[] digest = Sha256.of((rolloutId + ":" + computerKey).getBytes(StandardCharsets.UTF_8));
        return (int) (Integer.toUnsignedLong(ByteBuffer.wrap(digest, 0, 4).getInt()) % 100);
    }

    /** Whether its group and share take in {@code computer} (whatever its state). */
    public boolean reaches(Computer computer) {
        return inGroup(computer.profile().group()) && covers(computer.identity());
    }

    boolean inGroup(String computerGroup) {
        return group.isEmpty() || group.equalsIgnoreCase(computerGroup);
    }

    boolean covers(ComputerIdentity identity) {
        return bucket(id, identity.key()) < percent;
    }

    public boolean saved() {
        return id != 0;
    }

    /** How the audit trail names it: {@code rollout 3}. */
    public String subject() {
        return "rollout " + id;
    }

    public Rollout withId(long newId) {
        return new Rollout(newId, product, version, group, percent, failureThreshold, state, reason, createdAt,
                changedAt);
    }

    public Rollout withPercent(int newPercent, Instant now) {
        return new Rollout(id, product, version, group, newPercent, failureThreshold, state, reason, createdAt, now);
    }

    public Rollout inState(State newState, String newReason, Instant now) {
        return new Rollout(id, product, version, group, percent, failureThreshold, newState, newReason, createdAt,
                now);
    }

    public RolloutView view(RolloutCounts counts) {
        return new RolloutView(id, product, version, group, percent, failureThreshold, state, counts.assigned(),
                counts.installed(), counts.failed(), createdAt, reason);
    }
}
