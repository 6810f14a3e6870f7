package dev.primary.server.testing;

import dev.primary.server.licensing.Licensing;
import dev.primary.server.release.Releases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test of the release core: opens an {@link UpdatesFixture} in a fresh directory before each test and closes it after. */
public abstract class WithUpdatesFixture {
    @TempDir
    protected Path directory;
    protected UpdatesFixture fixture;
    protected Releases releases;
    protected Licensing licensing;

    @BeforeEach
    void openUpdatesFixture() {
        fixture = new UpdatesFixture(directory);
        releases = fixture.releases();
        licensing = fixture.licensing();
    }

    @AfterEach
    void closeUpdatesFixture() {
        fixture.close();
    }
}
