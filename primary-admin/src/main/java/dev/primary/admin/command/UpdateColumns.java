package dev.primary.admin.command;

import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.UpdateView;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.UpdateState;
import java.util.Optional;

/** How a computer's update standing reads in Manage Computers: target version, update state, content revision. */
final class UpdateColumns {
    private UpdateColumns() {}

    static Optional<UpdateView> recorderUpdate(ComputerView computer) {
        return computer.updates().stream().filter(update -> update.product() == Product.RECORDER).findFirst();
    }

    /** The Recorder version a rollout assigns, {@code -} when none does. */
    static String target(ComputerView computer) {
        return recorderUpdate(computer).map(update -> update.target().display()).orElse("-");
    }

    /** The Recorder update's state: pending, downloading, installed, failed; {@code -} without one. */
    static String state(ComputerView computer) {
        return recorderUpdate(computer).map(update -> update.state().wireName()).orElse("-");
    }

    static String content(ComputerView computer) {
        return computer.contentRevision() == 0 ? "-" : String.valueOf(computer.contentRevision());
    }

    /** The licensing reason, followed by the update's failure reason when an update failed. */
    static String reason(ComputerView computer) {
        String reason = computer.reason();
        for (UpdateView update : computer.updates()) {
            if (update.state() == UpdateState.FAILED) {
                String failure = update.product().wireName() + " update failed"
                        + (update.reason().isEmpty() ? "" : ": " + update.reason());
                reason = reason.isEmpty() ? failure : reason + "; " + failure;
            }
        }
        return Display.text(reason);
    }

    /** One line per product for {@code computer NAME}: installed → target, state, reason. */
    static String describe(UpdateView update) {
        String versions = update.installed().equals(update.target()) ? update.installed().display()
                : update.installed().display() + " -> " + update.target().display();
        return versions + ", " + update.state().wireName() + (update.reason().isEmpty() ? "" : ": " + update.reason())
                + (update.rolloutId() == 0 ? "" : " (rollout " + update.rolloutId() + ")");
    }
}
