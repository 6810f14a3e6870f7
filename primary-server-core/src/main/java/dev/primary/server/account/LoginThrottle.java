package dev.primary.server.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bounds password guessing at the login: failed logins are counted per account name and per source address in a
 * fixed window; once either count reaches its limit, logins for that name (or from that address) are refused
 * without checking the password until the window ends. A success clears the account's count, not the source's.
 * Memory is bounded: at most {@link Limits#maxTracked} names and as many addresses are kept, the oldest forgotten
 * first. Defaults ({@link Limits#DEFAULT}) are in docs/admin-api.md, "Login".
 */
public final class LoginThrottle {
    private final Limits limits;
    private final Clock clock;
    private final Map<String, Window> byAccount;
    private final Map<String, Window> bySource;

    /**
     * @param perAccount failed logins per account name in one window
     * @param perSource failed logins per source address in one window
     * @param window how long failures count
     * @param maxTracked how many names (and, separately, addresses) are tracked at most
     */
    public record Limits(int perAccount, int perSource, Duration window, int maxTracked) {
        public static final Limits DEFAULT = new Limits(5, 20, Duration.ofMinutes(15), 10_000);

        public Limits {
            if (perAccount < 1 || perSource < 1 || maxTracked < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("login limits must be at least 1 and the window longer than 0");
            }
        }
    }

    public LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.byAccount = bounded(limits.maxTracked());
        this.bySource = bounded(limits.maxTracked());
    }

    /** How long until a login for {@code account} from {@code source} may be tried again; empty: it may now. */
    public synchronized Optional<Duration> blockedFor(String account, String source) {
        Instant now = clock.instant();
        Optional<Instant> until = blockedUntil(byAccount.get(account), limits.perAccount(), now)
                .or(() -> blockedUntil(bySource.get(source), limits.perSource(), now));
        return until.map(end -> Duration.between(now, end));
    }

    public synchronized void failed(String account, String source) {
        Instant now = clock.instant();
        count(byAccount, account, now);
        count(bySource, source, now);
    }

    public synchronized void succeeded(String account) {
        byAccount.remove(account);
    }

    private Optional<Instant> blockedUntil(Window window, int limit, Instant now) {
        if (window == null || !now.isBefore(window.end()) || window.failures() < limit) {
            return Optional.empty();
        }
        return Optional.of(window.end());
    }

    private void count(Map<String, Window> windows, String key, Instant now) {
        Window current = windows.remove(key);
        windows.put(key, current == null || !now.isBefore(current.end())
                ? new Window(now.plus(limits.window()), 1)
                : new Window(current.end(), current.failures() + 1));
    }

    private static Map<String, Window> bounded(int max) {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > max;
            }
        };
    }

    private record Window(Instant end, int failures) {
    }
}
