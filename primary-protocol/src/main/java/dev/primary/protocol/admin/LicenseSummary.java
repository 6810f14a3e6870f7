package dev.primary.protocol.admin;

/**
 * The License Summary: totals over every active license.
 *
 * @param licenses seats granted by all active (unlocked, unexpired) licenses
 * @param used seats held by computers (licensed, lease expired but not yet reclaimed, or reserved)
 * @param active seats held by computers whose lease is valid now
 * @param reserved seats reserved for computers whose client has not checked in yet
 * @param waiting computers queued for a seat
 */
public record LicenseSummary(int licenses, int used, int active, int reserved, int waiting) {
}
