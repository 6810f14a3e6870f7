package dev.primary.bench.fleet.cli;

import dev.primary.protocol.time.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Reads durations as people type them: {@code 250ms}, {@code 1s}, {@code 5m}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("not a duration: '" + value + "' (e.g. 250ms, 1s, 5m)");
        }
    }
}
