package dev.primary.admin.store;

import dev.primary.admin.AdminUsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that name a PostgreSQL store: URL, user, and the password from a file or the environment, never argv. */
final class PostgresOptions {
    static final String PASSWORD_VARIABLE = "PRIMARY_STORE_PASSWORD";

    @Option(names = "--user", paramLabel = "USER", description = "The PostgreSQL user.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the user's password (or set " + PASSWORD_VARIABLE
                    + "; never an option, so it does not show in the process list).")
    Path passwordFile;

    PostgresTarget target(String url, Map<String, String> environment) {
        if (user == null || user.isBlank()) {
            throw new AdminUsageException("--user is required with a PostgreSQL store");
        }
        return new PostgresTarget(url, user.strip(), password(environment));
    }

    /** Settings lines for the server, naming where the password comes from (never the password). */
    String passwordSetting() {
        return passwordFile == null ? "(password in the server's environment: " + PASSWORD_VARIABLE + ")"
                : "store-password-file=" + passwordFile.toAbsolutePath();
    }

    private String password(Map<String, String> environment) {
        if (passwordFile == null) {
            return Optional.ofNullable(environment.get(PASSWORD_VARIABLE)).orElse("");
        }
        try {
            return Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new dev.primary.admin.AdminCommandException("cannot read --password-file " + passwordFile + ": "
                    + e.getMessage(), e);
        }
    }
}
