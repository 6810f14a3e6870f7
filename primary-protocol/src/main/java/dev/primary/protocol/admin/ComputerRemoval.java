package dev.primary.protocol.admin;

import java.util.Objects;

/**
 * The body of {@code POST /admin/v1/computers/remove}: removes many computers that hold no seat at once (a
 * flood of fake registrations, stale conflicts). Only {@code waiting} and {@code conflict} computers can be
 * removed this way; a computer holding a seat is released or revoked one at a time.
 *
 * @param state which computers: {@link ComputerState#WAITING} or {@link ComputerState#CONFLICT}
 * @param silentForSeconds only those whose last contact is at least this long ago; 0 = any
 * @param token only those enrolled with this enrollment token id; empty = any
 */
public record ComputerRemoval(ComputerState state, long silentForSeconds, String token) {
    public ComputerRemoval {
        Objects.requireNonNull(state, "state");
        if (state != ComputerState.WAITING && state != ComputerState.CONFLICT) {
            throw new IllegalArgumentException("only waiting or conflict computers can be removed in bulk, not "
                    + state.wireName() + "; release or revoke a computer that holds a seat");
        }
        if (silentForSeconds < 0) {
            throw new IllegalArgumentException("silentForSeconds cannot be negative, got " + silentForSeconds);
        }
        token = token == null ? "" : token.strip();
    }
}
