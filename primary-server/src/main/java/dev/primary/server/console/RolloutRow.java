package dev.primary.server.console;

import dev.primary.protocol.admin.RolloutView;

/**
 * One rollout of the Releases page with its computers by update state.
 *
 * @param rollout the rollout: its release, group, percent, state and why it is in it
 * @param counts the computers it gave its directive to, by update state
 */
public record RolloutRow(RolloutView rollout, UpdateCounts counts) {
    /** Whether it can still change (running, paused or halted; a superseded one cannot). */
    public boolean changeable() {
        return rollout.state() != RolloutView.State.SUPERSEDED;
    }

    /** {@code #3 recorder V 1.2 (0345)}, how forms name it. */
    public String label() {
        return "#" + rollout.id() + " " + rollout.product().wireName() + " " + rollout.version().display()
                + (rollout.group().isEmpty() ? "" : " (group " + rollout.group() + ")");
    }
}
