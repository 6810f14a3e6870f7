package dev.primary.server.licensing;

/**
 * The seat pool at one instant: what the active licenses grant and how much of it is held.
 *
 * @param activeLicenses licenses unlocked and not expired
 * @param seats seats those licenses grant
 * @param used seats of those licenses held by computers (licensed, lease expired, reserved)
 */
public record PoolSize(int activeLicenses, int seats, int used) {

    public int free() {
        return Math.max(0, seats - used);
    }
}
