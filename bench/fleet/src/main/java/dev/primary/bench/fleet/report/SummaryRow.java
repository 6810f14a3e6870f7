package dev.primary.bench.fleet.report;

/**
 * One line of {@code summary.md}.
 *
 * @param figure what is measured
 * @param target the target for it
 * @param measured what this run measured
 * @param ofCeiling the fraction of the same-run ceiling, or "-"
 * @param met "yes", "no: ..." saying by how much, or "-" for a ceiling
 */
public record SummaryRow(String figure, String target, String measured, String ofCeiling, String met) {
}
