package dev.primary.server.identity;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.server.config.TlsSource;
import dev.primary.server.store.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who this server is: its installation id, its lease-signing key, the TLS key both ports present,
 * and the admin token. The first start (no {@link DataDirectory#installationTraces() trace} of an
 * installation) makes them in the data directory; every later start reads the same ones, because clients
 * pinned them, and refuses ({@link InstallationIncompleteException}) when one is missing or keys do not
 * belong together. Only two things are made anew on an existing installation: the admin token (deleting
 * {@code admin-token} rotates it) and the public half of the signing key (derived from the private key);
 * a new self-made TLS key only with {@code --new-tls-key}. The installation id is written last on a first start.
 *
 * @param serverId the installation id
 * @param signingKey the Ed25519 key that signs leases
 * @param tls the TLS key and certificate
 * @param adminToken the admin API's bearer token
 * @param newInstallation whether this start created the installation
 * @param tlsKeyReplacement whether this start replaced a lost or broken self-made TLS key, and why
 */
public record ServerIdentity(String serverId, SigningKey signingKey, TlsKeyMaterial tls, AdminToken adminToken,
        boolean newInstallation, TlsKeyReplacement tlsKeyReplacement) {
    private static final Logger LOG = LoggerFactory.getLogger(ServerIdentity.class);

    public ServerIdentity {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(tlsKeyReplacement, "tlsKeyReplacement");
    }

    /** Reads the identity kept in {@code directory}, making it on a first start; never replaces a lost TLS key. */
    public static ServerIdentity openOrCreate(DataDirectory directory, TlsSource tlsSource, Clock clock) {
        return openOrCreate(directory, tlsSource, clock, false);
    }

    /**
     * Reads the identity kept in {@code directory}, making it on a first start.
     *
     * @param replaceLostTlsKey make a new self-made TLS key if an existing installation's is missing or does not
     *     match its certificate ({@code --new-tls-key})
     * @throws InstallationIncompleteException if an existing installation lacks a piece or its keys do not match
     */
    public static ServerIdentity openOrCreate(DataDirectory directory, TlsSource tlsSource, Clock clock,
            boolean replaceLostTlsKey) {
        List<Path> traces = directory.installationTraces();
        boolean existing = !traces.isEmpty();
        if (existing && !Files.exists(directory.installationIdFile())) {
            throw new InstallationIncompleteException(directory.installationIdFile() + " is missing, but this data "
                    + "directory holds an installation (" + names(directory, traces) + "). The installation id is "
                    + "part of every registration code the vendor unlocked; a new one would change them. Restore "
                    + "installation-id from a backup (if no client ever used this directory, an interrupted first "
                    + "start, delete the directory and start again)");
        }
        SigningKey signingKey = signingKey(directory, existing);
        SelfMadeTls.Opened tls = tlsSource instanceof TlsSource.OperatorSupplied supplied
                ? new SelfMadeTls.Opened(operatorSupplied(supplied), TlsKeyReplacement.NONE)
                : SelfMadeTls.open(directory, clock, existing, replaceLostTlsKey);
        AdminToken adminToken = adminToken(directory);
        String serverId = existing ? readInstallationId(directory) : createInstallationId(directory);
        return new ServerIdentity(serverId, signingKey, tls.material(), adminToken, !existing, tls.replacement());
    }

    private static SigningKey signingKey(DataDirectory directory, boolean existing) {
        Path file = directory.signingKeyFile();
        if (!Files.exists(file)) {
            if (existing) {
                throw new InstallationIncompleteException(file + " is missing, but this data directory holds an "
                        + "installation: clients pinned its public half and accept leases signed by it only. Restore "
                        + "the key from a backup; there is no flag to replace it (a new installation is a new data "
                        + "directory, and every client must be re-pointed to it)");
            }
            KeyFiles.writeSecret(file, Ed25519.generate().encoded());
        }
        OwnerOnlyFiles.tighten(file);
        SigningKey key = read(file, () -> KeyFiles.readSigningKey(file));
        Path publicFile = directory.signingPublicKeyFile();
        if (!Files.exists(publicFile)) {
            KeyFiles.writePublic(publicFile, key.publicKey().encoded());
            if (existing) {
                LOG.info("{} - was missing; written again from {}", publicFile, file);
            }
        }
        PublicKey written = read(publicFile, () -> KeyFiles.readPublicKey(publicFile));
        if (!written.equals(key.publicKey())) {
            throw new InstallationIncompleteException(publicFile + " is not the public half of " + file + " (key id "
                    + written.keyId() + ", the private key's is " + key.publicKey().keyId() + "): clients pinned one of "
                    + "them, and leases signed by the other fail their check. Restore both files from the same backup");
        }
        return key;
    }

    private static TlsKeyMaterial operatorSupplied(TlsSource.OperatorSupplied supplied) {
        for (Path file : List.of(supplied.certificateChain(), supplied.privateKey())) {
            if (!Files.isReadable(file)) {
                throw new IdentityException("TLS file " + file + " does not exist or cannot be read");
            }
        }
        PrivateKey key = PemFiles.readPrivateKey(supplied.privateKey());
        List<X509Certificate> chain = PemFiles.readCertificates(supplied.certificateChain());
        if (!KeyPairCheck.belongTogether(key, chain.get(0).getPublicKey())) {
            throw new IdentityException("tls-key " + supplied.privateKey() + " is not the key of the certificate in "
                    + supplied.certificateChain());
        }
        return new TlsKeyMaterial(key, chain);
    }

    private static AdminToken adminToken(DataDirectory directory) {
        Path file = directory.adminTokenFile();
        if (!Files.exists(file)) {
            KeyFiles.writeSecret(file, AdminToken.generate().encoded());
        }
        OwnerOnlyFiles.tighten(file);
        return read(file, () -> AdminToken.decode(readText(file)));
    }

    private static String createInstallationId(DataDirectory directory) {
        String id = UUID.randomUUID().toString();
        KeyFiles.writePublic(directory.installationIdFile(), id);
        return id;
    }

    private static String readInstallationId(DataDirectory directory) {
        Path file = directory.installationIdFile();
        String text = readText(file);
        try {
            return UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            throw new IdentityException(file + " does not hold an installation id (a UUID); restore it from a backup");
        }
    }

    private static String names(DataDirectory directory, List<Path> files) {
        return files.stream().map(file -> directory.root().relativize(file).toString()).collect(Collectors.joining(", "));
    }

    private static <T> T read(Path file, java.util.function.Supplier<T> reader) {
        try {
            return reader.get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IdentityException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IdentityException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ServerIdentity[" + serverId + ", " + signingKey + ", " + tls.pin() + "]";
    }
}
