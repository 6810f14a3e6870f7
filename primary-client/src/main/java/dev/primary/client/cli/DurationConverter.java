package dev.primary.client.cli;

import java.time.Duration;
import picocli.CommandLine;

/** Reads {@code 250ms}, {@code 60s}, {@code 5m}, {@code 4h}, {@code 7d} from the command line; must be positive. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return PositiveDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
