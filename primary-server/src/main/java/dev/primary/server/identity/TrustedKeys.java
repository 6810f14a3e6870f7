package dev.primary.server.identity;

import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.PublicKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the public keys this server trusts, the configured files plus every {@code *.pub} in a folder:
 * vendor keys (license and unlock files) and release keys (release and content manifests). Read at each
 * use (or, through {@link #cached}, at most once a second), so a key dropped into the folder is trusted
 * without a restart.
 */
public final class TrustedKeys {
    /** Which keys, named as in the configuration and in messages. */
    public enum Kind {
        VENDOR("vendor-key", "trusted vendor key"),
        RELEASE("release-key", "trusted release key");

        private final String setting;
        private final String inFolder;

        Kind(String setting, String inFolder) {
            this.setting = setting;
            this.inFolder = inFolder;
        }
    }

    private TrustedKeys() {}

    /**
     * @param files key files named in the configuration ({@code vendor-key}, {@code release-key}); each must exist
     * @param directory a folder whose {@code *.pub} files are all trusted; may be missing
     * @return the distinct keys, configured files first, then the folder's in name order
     */
    public static List<PublicKey> read(Kind kind, List<Path> files, Path directory) {
        Set<PublicKey> keys = new LinkedHashSet<>();
        for (Path file : files) {
            keys.add(readKey(file, kind.setting));
        }
        for (Path file : publicKeyFiles(kind, directory)) {
            keys.add(readKey(file, kind.inFolder));
        }
        return List.copyOf(keys);
    }

    /**
     * {@link #read} at most once per {@code maxAge}: the unauthenticated {@code hello} names the release keys
     * in every answer, and a handshake storm must not become a storm of directory listings. A key dropped
     * into the folder is still trusted without a restart, within {@code maxAge}. A failed read is not kept.
     */
    public static Supplier<List<PublicKey>> cached(Kind kind, List<Path> files, Path directory, Duration maxAge) {
        return new Supplier<>() {
            private final long maxAgeNanos = maxAge.toNanos();
            private List<PublicKey> keys;
            private long readAt;

            @Override
            public synchronized List<PublicKey> get() {
                long now = System.nanoTime();
                if (keys == null || now - readAt >= maxAgeNanos) {
                    keys = read(kind, files, directory);
                    readAt = now;
                }
                return keys;
            }
        };
    }

    private static List<Path> publicKeyFiles(Kind kind, Path directory) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.pub")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new IdentityException("cannot list " + kind.inFolder + "s in " + directory + ": " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    private static PublicKey readKey(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IdentityException(what + " file " + file + " does not exist");
        }
        try {
            return KeyFiles.readPublicKey(file);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IdentityException(what + " file " + file + " does not hold an Ed25519 public key "
                    + "(one line of base64url): " + e.getMessage(), e);
        }
    }
}
