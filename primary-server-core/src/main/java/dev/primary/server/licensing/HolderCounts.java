package dev.primary.server.licensing;

/**
 * How many computers stand where, for the License Summary.
 *
 * @param active computers holding a seat with a lease valid now
 * @param reserved computers with a seat reserved by an administrator, not yet claimed by their client
 * @param waiting computers queued for a seat
 */
public record HolderCounts(int active, int reserved, int waiting) {
}
