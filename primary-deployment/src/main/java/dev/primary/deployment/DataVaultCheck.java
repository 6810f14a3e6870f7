package dev.primary.deployment;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/** Whether anything listens at the Data Vault's address: a plain TCP connect, nothing more (for now). */
final class DataVaultCheck {
    private final Duration timeout;

    DataVaultCheck(Duration timeout) {
        this.timeout = timeout;
    }

    /** Empty when a connection was accepted; otherwise what went wrong, in words. */
    Optional<String> problemWith(DataVaultAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), (int) timeout.toMillis());
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("cannot resolve the Data Vault name " + address.host());
        } catch (ConnectException e) {
            return Optional.of("nothing listens at the Data Vault " + address + " (connection refused)");
        } catch (SocketTimeoutException e) {
            return Optional.of("nothing answers at the Data Vault " + address + " within " + timeout.toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("cannot reach the Data Vault " + address + ": " + e.getMessage());
        }
    }
}
