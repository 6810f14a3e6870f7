package dev.primary.server.stats;

import dev.primary.protocol.admin.HourlyStatsPage;
import dev.primary.protocol.admin.RecorderVersionCount;
import dev.primary.protocol.admin.RecorderVersions;
import dev.primary.protocol.admin.RolloutProgress;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.UpdateState;
import dev.primary.server.licensing.InvalidRequestException;
import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.release.Rollout;
import dev.primary.server.release.RolloutNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the Control Center's charts read: the kept hours, the fleet's Recorder versions, a rollout's progress. */
public final class Statistics {
    /** The hours {@link #hourly} gives when no range is asked for. */
    public static final Duration DEFAULT_RANGE = Duration.ofDays(7);

    private final LicensingStore store;
    private final Clock clock;

    public Statistics(LicensingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The kept hours starting in {@code [from, to)}; {@code null} for {@code to} is now, for {@code from} seven days
     * before {@code to}.
     *
     * @throws InvalidRequestException when {@code from} is not before {@code to}
     */
    public HourlyStatsPage hourly(Instant from, Instant to) {
        Instant end = to != null ? to : clock.instant();
        Instant start = from != null ? from : end.minus(DEFAULT_RANGE);
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("from must be before to, got from " + start + " and to " + end);
        }
        return new HourlyStatsPage(start, end, store.read(reads -> reads.hourlyStats(start, end)));
    }

    /**
     * Every computer but conflicts, counted by its Recorder version, newest version first. A version is what each
     * client reports, so a fleet could name as many as it has computers: the {@link #MAX_VERSIONS} versions that run
     * on the most computers are listed, with {@code V 0.0 (0000)} (never ran) always, and the rest, when there are
     * more, are one last entry {@code N other versions} (the total stays exact).
     */
    public RecorderVersions recorderVersions() {
        Map<String, Long> counts = store.read(StatsReads::recorderVersionCounts);
        Map<Version, Long> byVersion = new TreeMap<>(Comparator.reverseOrder());
        long total = 0;
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            byVersion.merge(versionOf(count.getKey()), count.getValue(), Long::sum);
            total += count.getValue();
        }
        return new RecorderVersions(total, listed(byVersion));
    }

    /** The most versions {@link #recorderVersions()} lists one by one. */
    public static final int MAX_VERSIONS = 100;

    private static List<RecorderVersionCount> listed(Map<Version, Long> byVersion) {
        List<Map.Entry<Version, Long>> kept = new ArrayList<>(byVersion.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(Version.NONE))
                .sorted(Map.Entry.<Version, Long>comparingByValue().reversed()).limit(MAX_VERSIONS).toList());
        byVersion.entrySet().stream().filter(entry -> entry.getKey().equals(Version.NONE)).forEach(kept::add);
        List<RecorderVersionCount> versions = new ArrayList<>(kept.stream()
                .sorted(Map.Entry.<Version, Long>comparingByKey().reversed())
                .map(entry -> new RecorderVersionCount(entry.getKey().display(), entry.getValue())).toList());
        if (byVersion.size() > kept.size()) {
            long others = byVersion.values().stream().mapToLong(Long::longValue).sum()
                    - kept.stream().mapToLong(Map.Entry::getValue).sum();
            versions.add(new RecorderVersionCount((byVersion.size() - kept.size()) + " other versions", others));
        }
        return versions;
    }

    /**
     * How many computers rollout {@code rolloutId} reached, by update state.
     *
     * @throws RolloutNotFoundException when there is no such rollout
     */
    public RolloutProgress rollout(long rolloutId) {
        return store.read(reads -> {
            Rollout rollout = reads.rollout(rolloutId)
                    .orElseThrow(() -> new RolloutNotFoundException("no rollout " + rolloutId));
            Map<UpdateState, Long> states = reads.rolloutStateCounts(rolloutId);
            long pending = states.getOrDefault(UpdateState.PENDING, 0L);
            long downloading = states.getOrDefault(UpdateState.DOWNLOADING, 0L);
            long installed = states.getOrDefault(UpdateState.INSTALLED, 0L);
            long failed = states.getOrDefault(UpdateState.FAILED, 0L);
            return new RolloutProgress(rollout.id(), rollout.product(), rollout.version(), rollout.state(),
                    rollout.percent(), pending + downloading + installed + failed, pending, downloading, installed,
                    failed);
        });
    }

    /** A stored version that does not parse (none should) counts as the Recorder that never ran. */
    private static Version versionOf(String stored) {
        try {
            return Version.parse(stored);
        } catch (IllegalArgumentException e) {
            return Version.NONE;
        }
    }
}
