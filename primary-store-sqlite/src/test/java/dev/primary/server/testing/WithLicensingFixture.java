package dev.primary.server.testing;

import dev.primary.server.licensing.Licensing;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test of the licensing core: opens a {@link LicensingFixture} in a fresh directory before each test and
 * closes it after. A test may replace {@link #fixture} (closing the old one) and must then reassign {@link #server}.
 */
public abstract class WithLicensingFixture {
    @TempDir
    protected Path directory;
    protected LicensingFixture fixture;
    protected Licensing server;

    @BeforeEach
    void openLicensingFixture() {
        fixture = new LicensingFixture(directory);
        server = fixture.licensing();
    }

    @AfterEach
    void closeLicensingFixture() {
        fixture.close();
    }
}
