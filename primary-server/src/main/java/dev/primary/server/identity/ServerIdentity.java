package dev.primary.server.identity;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.server.config.TlsSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who this server is: its installation id, its lease-signing key, the TLS key both ports present,
 * and the admin token. The first start makes them in the data directory; every later start reads
 * the same ones, because clients pinned them. The installation id is written last: once it exists,
 * a missing signing key is an error (clients trust that key), not a reason to make a new one.
 * A missing admin token or self-made TLS key is made anew (deleting {@code admin-token} rotates it).
 *
 * @param serverId the installation id
 * @param signingKey the Ed25519 key that signs leases
 * @param tls the TLS key and certificate
 * @param adminToken the admin API's bearer token
 * @param newInstallation whether this start created the installation
 */
public record ServerIdentity(String serverId, SigningKey signingKey, TlsKeyMaterial tls, AdminToken adminToken,
        boolean newInstallation) {
    private static final Logger LOG = LoggerFactory.getLogger(ServerIdentity.class);

    public ServerIdentity {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(adminToken, "adminToken");
    }

    /** Reads the identity kept in {@code directory}, making what is missing on a first start. */
    public static ServerIdentity openOrCreate(DataDirectory directory, TlsSource tlsSource, Clock clock) {
        boolean installed = Files.exists(directory.installationIdFile());
        SigningKey signingKey = signingKey(directory, installed);
        TlsKeyMaterial tls = tlsSource instanceof TlsSource.OperatorSupplied supplied
                ? operatorSupplied(supplied)
                : selfMade(directory, clock, installed);
        AdminToken adminToken = adminToken(directory);
        String serverId = installed ? readInstallationId(directory) : createInstallationId(directory);
        return new ServerIdentity(serverId, signingKey, tls, adminToken, !installed);
    }

    private static SigningKey signingKey(DataDirectory directory, boolean installed) {
        Path file = directory.signingKeyFile();
        if (!Files.exists(file)) {
            if (installed) {
                throw new IdentityException(file + " is missing, but " + directory.installationIdFile()
                        + " exists: restore the key from a backup (clients trust it), or remove installation-id "
                        + "to start a new installation that every client must be re-pointed to");
            }
            SigningKey created = Ed25519.generate();
            KeyFiles.writeSecret(file, created.encoded());
        }
        warnIfReadableByOthers(file);
        SigningKey key = read(file, () -> KeyFiles.readSigningKey(file));
        if (!Files.exists(directory.signingPublicKeyFile())) {
            KeyFiles.writePublic(directory.signingPublicKeyFile(), key.publicKey().encoded());
        }
        return key;
    }

    private static TlsKeyMaterial selfMade(DataDirectory directory, Clock clock, boolean installed) {
        Path keyFile = directory.tlsKeyFile();
        Path certificateFile = directory.tlsCertificateFile();
        if (!Files.exists(keyFile) || !Files.exists(certificateFile)) {
            if (installed) {
                LOG.warn("{} - missing; making a new self-made TLS key: clients that pinned the old key must be "
                        + "re-pointed with the new TLS pin", keyFile);
            }
            TlsKeyMaterial created = SelfMadeCertificate.create(clock, SelfMadeCertificate.localHostName());
            deleteIfExists(keyFile);
            deleteIfExists(certificateFile);
            KeyFiles.writeSecret(keyFile, PemFiles.encode(created.privateKey()));
            KeyFiles.writePublic(certificateFile, PemFiles.encode(created.certificate()));
        }
        warnIfReadableByOthers(keyFile);
        return new TlsKeyMaterial(PemFiles.readPrivateKey(keyFile), PemFiles.readCertificates(certificateFile));
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
        warnIfReadableByOthers(file);
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

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IdentityException("cannot replace " + file + ": " + e.getMessage(), e);
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(permission -> permission.name().startsWith("GROUP")
                    || permission.name().startsWith("OTHERS"))) {
                LOG.warn("{} - other users may read or change it ({}); it should be owner-only: chmod 600 {}",
                        file, PosixFilePermissions.toString(permissions), file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }

    @Override
    public String toString() {
        return "ServerIdentity[" + serverId + ", " + signingKey + ", " + tls.pin() + "]";
    }
}
