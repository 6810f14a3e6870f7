package dev.primary.server.audit;

/** Every kind of change the audit trail records; {@link #wireName()} is what the trail shows. */
public enum AuditAction {
    SEAT_GRANTED("seat.granted"),
    SEAT_CLAIMED("seat.claimed"),
    SEAT_REUSED("seat.reused"),
    SEAT_MOVED("seat.moved"),
    SEAT_WAITING("seat.waiting"),
    SEAT_RESERVED("seat.reserved"),
    SEAT_RELEASED("seat.released"),
    SEAT_RECLAIMED("seat.reclaimed"),
    COMPUTER_REVOKED("computer.revoked"),
    COMPUTER_REINSTATED("computer.reinstated"),
    COMPUTER_CONFLICT("computer.conflict"),
    COMPUTER_REKEY_ALLOWED("computer.rekey-allowed"),
    COMPUTER_REKEYED("computer.rekeyed"),
    COMPUTER_REMOVED("computer.removed"),
    COMPUTER_ENROLLED("computer.enrolled"),
    ENROLLMENT_TOKEN_CREATED("enrollment-token.created"),
    ENROLLMENT_TOKEN_REVOKED("enrollment-token.revoked"),
    LICENSE_IMPORTED("license.imported"),
    LICENSE_UPDATED("license.updated"),
    LICENSE_UNLOCKED("license.unlocked"),
    RELEASE_ADDED("release.added"),
    CONTENT_ADDED("content.added"),
    ROLLOUT_STARTED("rollout.started"),
    ROLLOUT_PERCENT("rollout.percent"),
    ROLLOUT_PAUSED("rollout.paused"),
    ROLLOUT_RESUMED("rollout.resumed"),
    ROLLOUT_HALTED("rollout.halted"),
    COMPUTER_GROUPED("computer.grouped"),
    COMPUTER_NUDGED("computer.nudged"),
    UPDATE_FAILED("update.failed"),
    STORE_INITIALIZED_EMPTY("store.initialized-empty"),
    TLS_KEY_REPLACED("tls-key.replaced"),
    LOG_LEVEL_CHANGED("log-level.changed"),
    ACCOUNT_CREATED("account.created"),
    ACCOUNT_DISABLED("account.disabled"),
    ACCOUNT_ROLE_CHANGED("account.role-changed"),
    ACCOUNT_PASSWORD_CHANGED("account.password-changed"),
    ACCOUNT_TOKEN_CREATED("account-token.created"),
    ACCOUNT_TOKEN_REVOKED("account-token.revoked");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
