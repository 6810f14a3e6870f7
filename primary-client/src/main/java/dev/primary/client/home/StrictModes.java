package dev.primary.client.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Client Service's start-up check of its home, in the manner of {@code sshd}'s {@code StrictModes}: a client's
 * trust anchors (the pinned TLS, lease-signing and release keys in {@code client.json}) and its identity (the key in
 * {@code client.key}) are worth nothing if a user of the computer can replace them. So the service refuses to start when
 * its home, {@code client.json} or {@code client.key}, or any directory above the home, is writable by group or others
 * (a directory with the sticky bit, such as {@code /tmp}, may be writable by all: there nobody can rename what is not
 * theirs), or owned by anyone but root or the account the service runs as; and when its private key is readable by
 * group or others. On a file system without POSIX permissions the check is skipped, with one WARN.
 */
public final class StrictModes {
    private static final Logger LOG = LoggerFactory.getLogger(StrictModes.class);
    private static final int ROOT = 0;
    private static final int STICKY = 01000;

    private final Account account;
    private final AtomicBoolean warnedNotPosix = new AtomicBoolean();

    /**
     * The account the check is made for.
     *
     * @param uid its numeric user id; -1 when unknown (then {@code name} is compared with the owners' names)
     * @param name its user name, for messages and the {@code chown} fix
     */
    public record Account(int uid, String name) {
        public Account {
            Objects.requireNonNull(name, "name");
        }

        /** The account this process runs as. */
        public static Account ofThisProcess() {
            String name = System.getProperty("user.name", "");
            try {
                return new Account((int) new com.sun.security.auth.module.UnixSystem().getUid(), name);
            } catch (LinkageError | RuntimeException e) {
                return new Account(-1, name);
            }
        }
    }

    public StrictModes(Account account) {
        this.account = Objects.requireNonNull(account, "account");
    }

    /** The check for the account this process runs as. */
    public static StrictModes forThisProcess() {
        return new StrictModes(Account.ofThisProcess());
    }

    /**
     * Checks {@code home}, the directories above it, and its {@code client.json} and {@code client.key} where they exist.
     *
     * @throws UnsafeHomeException naming the first file that fails and the command that fixes it
     */
    public void check(ClientHome home) {
        if (!posix(home.dir())) {
            return;
        }
        Path dir = realPath(home.dir());
        checkDirectoriesDownTo(dir.getParent());
        checkEntry(dir, false);
        checkEntry(home.configFile(), false);
        if (checkEntry(home.keyFile(), false)) {
            checkSecret(home.keyFile());
        }
    }

    /**
     * Checks what exists of a home an installer is about to write: the home itself when it exists, and the directories
     * above it; the home will then pass {@link #check} once the installer created it owner-only.
     *
     * @throws UnsafeHomeException naming the first directory that fails and the command that fixes it
     */
    public void checkExistingPart(Path home) {
        Path target = home.toAbsolutePath().normalize();
        Path existing = target;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !posix(existing)) {
            return;
        }
        Path real = realPath(existing);
        if (existing.equals(target)) {
            checkDirectoriesDownTo(real.getParent());
            checkEntry(real, false);
        } else {
            checkDirectoriesDownTo(real);
        }
    }

    /** Checks {@code deepest} and every directory above it, from the root down. */
    private void checkDirectoriesDownTo(Path deepest) {
        List<Path> chain = new ArrayList<>();
        for (Path path = deepest; path != null; path = path.getParent()) {
            chain.add(path);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            checkEntry(chain.get(i), true);
        }
    }

    /** Checks owner and write permissions of {@code path} (following links); false when it does not exist. */
    private boolean checkEntry(Path path, boolean stickyMayBeOpen) {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + path + ": " + e.getMessage(), e);
        }
        if (!ownedByRootOrAccount(path, attributes)) {
            throw new UnsafeHomeException(path + " is owned by " + attributes.owner().getName() + ", not by root or "
                    + account.name() + " (the account the Client Service runs as), so its owner could replace what the "
                    + "service trusts; fix with: chown " + account.name() + " " + path);
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        boolean group = permissions.contains(PosixFilePermission.GROUP_WRITE);
        boolean others = permissions.contains(PosixFilePermission.OTHERS_WRITE);
        if ((group || others) && !(stickyMayBeOpen && sticky(path))) {
            throw new UnsafeHomeException(path + " is writable by " + (group && others ? "group and others"
                    : group ? "group" : "others") + ", so users of this computer could replace what the Client Service "
                    + "trusts; fix with: chmod go-w " + path);
        }
        return true;
    }

    private void checkSecret(Path key) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + key + ": " + e.getMessage(), e);
        }
        boolean group = permissions.contains(PosixFilePermission.GROUP_READ);
        boolean others = permissions.contains(PosixFilePermission.OTHERS_READ);
        if (group || others) {
            throw new UnsafeHomeException(key + " is readable by " + (group && others ? "group and others"
                    : group ? "group" : "others") + ", but it is this client's private key (whoever copies it can pass "
                    + "for this client); fix with: chmod go-rwx " + key);
        }
    }

    private boolean ownedByRootOrAccount(Path path, PosixFileAttributes attributes) {
        if (account.uid() >= 0) {
            try {
                int owner = (Integer) Files.getAttribute(path, "unix:uid");
                return owner == ROOT || owner == account.uid();
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                // No "unix" view: compare names below.
            }
        }
        String owner = attributes.owner().getName();
        return owner.equals("root") || owner.equals(account.name());
    }

    private static boolean sticky(Path dir) {
        try {
            return ((Integer) Files.getAttribute(dir, "unix:mode") & STICKY) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private boolean posix(Path path) {
        try {
            if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file system of " + path + ": " + e.getMessage(), e);
        }
        if (warnedNotPosix.compareAndSet(false, true)) {
            LOG.warn("{} is on a file system without POSIX permissions: the check that only the account the Client "
                    + "Service runs as can change its home, client.json and key is skipped; protect it with the file "
                    + "system's own access control", path);
        }
        return false;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + path + ": " + e.getMessage(), e);
        }
    }
}
