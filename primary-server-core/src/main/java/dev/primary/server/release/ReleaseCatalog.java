package dev.primary.server.release;

import dev.primary.protocol.admin.RolloutView.State;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a check-in needs to know about releases, content and rollouts, held in memory so the
 * check-in path never queries for them: they are few and change only by administrator action.
 * Immutable; a change loads a new catalog, and {@link #generation} orders catalogs by the write
 * that loaded them.
 */
final class ReleaseCatalog {
    private final long generation;
    private final List<Release> releases;
    private final List<ContentUpdate> contents;
    private final List<Rollout> rollouts;
    private final Map<Product, Rollout> current = new EnumMap<>(Product.class);
    private final Set<String> packages = new HashSet<>();

    private ReleaseCatalog(long generation, List<Release> releases, List<ContentUpdate> contents,
            List<Rollout> rollouts) {
        this.generation = generation;
        this.releases = releases.stream()
                .sorted(Comparator.comparing(Release::product).thenComparing(Release::version))
                .toList();
        this.contents = contents.stream().sorted(Comparator.comparingLong(ContentUpdate::revision)).toList();
        this.rollouts = rollouts.stream().sorted(Comparator.comparingLong(Rollout::id).reversed()).toList();
        for (Rollout rollout : this.rollouts) {
            if (rollout.state() != State.SUPERSEDED) {
                current.putIfAbsent(rollout.product(), rollout);
            }
        }
        this.releases.forEach(release -> packages.add(release.sha256()));
        this.contents.forEach(content -> packages.add(content.sha256()));
    }

    /** Loads the catalog from {@code reads}, as of the write numbered {@code generation}. */
    static ReleaseCatalog load(ReleaseReads reads, long generation) {
        return new ReleaseCatalog(generation, reads.releases(), reads.contents(), reads.rollouts());
    }

    long generation() {
        return generation;
    }

    /** Every release, by product, oldest version first. */
    List<Release> releases() {
        return releases;
    }

    Optional<Release> release(Product product, Version version) {
        return releases.stream().filter(r -> r.product() == product && r.version().equals(version)).findFirst();
    }

    Optional<Release> newest(Product product) {
        return releases.stream().filter(r -> r.product() == product).reduce((older, newer) -> newer);
    }

    /** Every content update, oldest revision first. */
    List<ContentUpdate> contents() {
        return contents;
    }

    Optional<ContentUpdate> latestContent() {
        return contents.isEmpty() ? Optional.empty() : Optional.of(contents.get(contents.size() - 1));
    }

    /** Every rollout, newest first. */
    List<Rollout> rollouts() {
        return rollouts;
    }

    /** The rollout of {@code product} that is not superseded (there is at most one): running, paused or halted. */
    Optional<Rollout> currentRollout(Product product) {
        return Optional.ofNullable(current.get(product));
    }

    Optional<Rollout> rollout(long id) {
        return rollouts.stream().filter(rollout -> rollout.id() == id).findFirst();
    }

    boolean hasPackage(String sha256) {
        return packages.contains(sha256);
    }
}
