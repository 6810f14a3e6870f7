package dev.primary.server.http;

import dev.primary.server.nudge.NudgeSender;
import dev.primary.server.release.PackageStore;
import dev.primary.server.release.ReleaseAdministration;
import java.util.Objects;

/**
 * What the admin port's update routes work with.
 *
 * @param releases the release core: releases, content, rollouts, groups, nudge targets
 * @param packages the package store uploads go into
 * @param nudges sends "check in now" nudges
 * @param maxPackageBytes largest upload ({@code max-package})
 */
public record UpdateServices(ReleaseAdministration releases, PackageStore packages, NudgeSender nudges,
        long maxPackageBytes) {
    public UpdateServices {
        Objects.requireNonNull(releases, "releases");
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(nudges, "nudges");
        if (maxPackageBytes < 1) {
            throw new IllegalArgumentException("maxPackageBytes must be positive");
        }
    }
}
