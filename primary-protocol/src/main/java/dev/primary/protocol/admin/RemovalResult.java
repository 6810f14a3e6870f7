package dev.primary.protocol.admin;

/**
 * What {@code POST /admin/v1/computers/remove} did.
 *
 * @param removed how many computers were removed (each one audited)
 */
public record RemovalResult(int removed) {
}
