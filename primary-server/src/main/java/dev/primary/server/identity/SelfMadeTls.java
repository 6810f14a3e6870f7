package dev.primary.server.identity;

import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.server.store.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-made TLS key and certificate in {@code keys/}: made at the first start, read at every later one.
 * Clients pin the key, so on an existing installation a missing key or certificate, or a key that is not the
 * certificate's, refuses the start; only {@code --new-tls-key} makes a new pair there, and says so.
 */
final class SelfMadeTls {
    private static final Logger LOG = LoggerFactory.getLogger(SelfMadeTls.class);

    /** The key material to serve, and whether it replaced a lost or broken one. */
    record Opened(TlsKeyMaterial material, TlsKeyReplacement replacement) {
    }

    private SelfMadeTls() {}

    static Opened open(DataDirectory directory, Clock clock, boolean existingInstallation, boolean replaceLostKey) {
        Path keyFile = directory.tlsKeyFile();
        Path certificateFile = directory.tlsCertificateFile();
        if (!existingInstallation) {
            return new Opened(create(directory, clock), TlsKeyReplacement.NONE);
        }
        TlsKeyReplacement problem = problemOf(keyFile, certificateFile);
        if (problem == TlsKeyReplacement.NONE) {
            if (replaceLostKey) {
                throw new InstallationIncompleteException("--new-tls-key was given, but " + keyFile + " is there and "
                        + "is the key of " + certificateFile + ": there is nothing to replace. Start without "
                        + "--new-tls-key (to change a working key on purpose, move both files away first)");
            }
            return new Opened(read(keyFile, certificateFile), TlsKeyReplacement.NONE);
        }
        if (!replaceLostKey) {
            throw new InstallationIncompleteException(refusal(problem, keyFile, certificateFile));
        }
        LOG.warn("{} - {}; --new-tls-key: making a new self-made TLS key; every client that pinned the old one "
                + "refuses this server until it is re-pointed with the new TLS pin", keyFile, problem.reason());
        return new Opened(create(directory, clock), problem);
    }

    private static TlsKeyReplacement problemOf(Path keyFile, Path certificateFile) {
        if (!Files.exists(keyFile) || !Files.exists(certificateFile)) {
            return TlsKeyReplacement.KEY_MISSING;
        }
        TlsKeyMaterial material = read(keyFile, certificateFile);
        return KeyPairCheck.belongTogether(material.privateKey(), material.certificate().getPublicKey())
                ? TlsKeyReplacement.NONE : TlsKeyReplacement.KEY_NOT_MATCHING_CERTIFICATE;
    }

    private static String refusal(TlsKeyReplacement problem, Path keyFile, Path certificateFile) {
        String what = problem == TlsKeyReplacement.KEY_MISSING
                ? (Files.exists(keyFile) ? certificateFile : keyFile) + " is missing, but this data directory holds an "
                        + "installation"
                : keyFile + " is not the key of " + certificateFile + ": every TLS handshake would fail";
        return what + ". Clients pinned this installation's TLS key and refuse any other, so a new key cuts off every "
                + "client until each is re-pointed. Restore keys/tls.key and keys/tls.crt together from a backup "
                + "(if this installation used --tls-cert and --tls-key, give them again); or start once with "
                + "--new-tls-key to make a new key on purpose, then re-point every client to the new TLS pin";
    }

    private static TlsKeyMaterial read(Path keyFile, Path certificateFile) {
        OwnerOnlyFiles.tighten(keyFile);
        return new TlsKeyMaterial(PemFiles.readPrivateKey(keyFile), PemFiles.readCertificates(certificateFile));
    }

    private static TlsKeyMaterial create(DataDirectory directory, Clock clock) {
        TlsKeyMaterial created = SelfMadeCertificate.create(clock, SelfMadeCertificate.localHostName());
        deleteIfExists(directory.tlsKeyFile());
        deleteIfExists(directory.tlsCertificateFile());
        KeyFiles.writeSecret(directory.tlsKeyFile(), PemFiles.encode(created.privateKey()));
        KeyFiles.writePublic(directory.tlsCertificateFile(), PemFiles.encode(created.certificate()));
        return created;
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IdentityException("cannot replace " + file + ": " + e.getMessage(), e);
        }
    }
}
