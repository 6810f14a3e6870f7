package dev.primary.server.console;

/**
 * A rollout start as its form sent it, shown again for confirmation.
 *
 * @param release the release's key ({@link ReleaseRow#key()}); empty for no start to confirm
 * @param percent the share of eligible computers, as typed
 * @param group the group it is limited to; empty for all computers
 * @param failureThreshold failures that halt it, as typed
 */
public record RolloutStart(String release, String percent, String group, String failureThreshold) {
    public static final RolloutStart NONE = new RolloutStart("", "", "", "");

    public boolean pending() {
        return !release.isEmpty();
    }

    /** What the confirmation asks. */
    public String question() {
        return "Start rolling out " + release + " to " + percent + "% of "
                + (group.isEmpty() ? "all computers" : "the computers of group " + group)
                + "? The computers it reaches are told at once and install it.";
    }
}
