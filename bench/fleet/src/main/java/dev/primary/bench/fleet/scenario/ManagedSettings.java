package dev.primary.bench.fleet.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How the simulator starts a managed server.
 *
 * @param workDirectory where its data, vendor key and log go; null for a new temporary directory
 * @param jvmOptions the server JVM's options
 * @param serverArguments further {@code primary-server} options
 * @param seats seats of the license it is given (every registration is a durable seat grant, so at least the
 *     number of clients the scenarios register)
 * @param keepWorkDirectory whether to leave the work directory (its log, its database) behind
 * @param enrollment whether clients register with an enrollment token the simulator creates, or the server enrolls
 *     openly
 */
public record ManagedSettings(Path workDirectory, List<String> jvmOptions, List<String> serverArguments, int seats,
        boolean keepWorkDirectory, EnrollmentMode enrollment) {
    public ManagedSettings {
        jvmOptions = List.copyOf(jvmOptions);
        serverArguments = List.copyOf(serverArguments);
        Objects.requireNonNull(enrollment, "enrollment");
        if (seats < 1) {
            throw new IllegalArgumentException("the license needs at least 1 seat, got " + seats);
        }
    }
}
