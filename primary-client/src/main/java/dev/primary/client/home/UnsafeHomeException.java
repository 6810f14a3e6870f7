package dev.primary.client.home;

/**
 * A client home, a file in it that holds what the Client Service trusts, or a directory above it, could be changed by
 * someone other than the account the service runs as (or root). The message names the file and the command that fixes it.
 */
public final class UnsafeHomeException extends RuntimeException {
    public UnsafeHomeException(String message) {
        super(message);
    }
}
