package dev.primary.client.update;

import dev.primary.client.home.AtomicWrite;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.UpdateReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <home>/updates.json}: what survives a restart of the update work — the reports the server has not
 * acknowledged yet, the directives refused (never retried unless the directive changes), and a Recorder in its
 * health period. Saved atomically on every change.
 */
final class UpdateLedger {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateLedger.class);

    /** A report and the directive it is about. */
    record Entry(UpdateReport report, String fingerprint) {
        Entry {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /** A newly installed Recorder that must stay up for the health period. */
    record Trial(Version version, long rolloutId, String fingerprint) {
        Trial {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /** A refused directive; {@code report} is absent for content, which has no update report. */
    record Refusal(String fingerprint, UpdateReport report) {
        Refusal {
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /** The file's content. */
    record Document(Map<String, Entry> reports, Map<String, Refusal> refused, Trial trial) {
        Document {
            reports = reports == null ? Map.of() : Map.copyOf(reports);
            refused = refused == null ? Map.of() : Map.copyOf(refused);
        }
    }

    private final Path file;
    private final Map<String, Entry> reports = new TreeMap<>();
    private final Map<String, Refusal> refused = new TreeMap<>();
    private Trial trial;

    UpdateLedger(Path file) {
        this.file = file;
        load();
    }

    Optional<Entry> entry(Product product) {
        return Optional.ofNullable(reports.get(product.wireName()));
    }

    void put(UpdateReport report, String fingerprint) {
        reports.put(report.product().wireName(), new Entry(report, fingerprint));
        save();
    }

    void remove(Product product) {
        if (reports.remove(product.wireName()) != null) {
            save();
        }
    }

    /** The reports, in product order. */
    List<UpdateReport> reports() {
        return Arrays.stream(Product.values())
                .map(product -> reports.get(product.wireName()))
                .filter(Objects::nonNull)
                .map(Entry::report)
                .toList();
    }

    /** The refusal of this very directive, if it was refused. */
    Optional<Refusal> refusal(String slot, String fingerprint) {
        return Optional.ofNullable(refused.get(slot)).filter(refusal -> refusal.fingerprint().equals(fingerprint));
    }

    /** Records a failed update: its report (carried until acknowledged) and that its directive is not to be retried. */
    void fail(UpdateReport report, String fingerprint) {
        refused.put(report.product().wireName(), new Refusal(fingerprint, report));
        reports.put(report.product().wireName(), new Entry(report, fingerprint));
        save();
    }

    /** Records a refused content directive, not to be retried. */
    void refuseContent(String slot, String fingerprint) {
        refused.put(slot, new Refusal(fingerprint, null));
        save();
    }

    Optional<Trial> trial() {
        return Optional.ofNullable(trial);
    }

    void trial(Trial value) {
        trial = value;
        save();
    }

    private void load() {
        try {
            Document document = Json.read(Files.readAllBytes(file), Document.class);
            reports.putAll(document.reports());
            refused.putAll(document.refused());
            trial = document.trial();
        } catch (NoSuchFileException e) {
            // No update yet.
        } catch (IOException | MalformedJsonException e) {
            LOG.warn("{} cannot be read ({}): starting without update history", file, e.getMessage());
        }
    }

    private void save() {
        Document document = new Document(reports, refused, trial);
        AtomicWrite.replace(file, (Json.writePretty(document) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
