package dev.primary.protocol;

import dev.primary.protocol.message.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one version of this Primary build: the Maven project version, written at build time into
 * {@code product-version.properties} (a filtered resource of this module). Every program's
 * {@code --version}, the server's {@code hello} and admin status, and the Client Service's reported
 * {@code clientVersion} come from here.
 *
 * <p>The wire {@link Version} is {@code major.minor.build} with a build of at most four digits. The
 * Maven version {@code MAJOR.MINOR.PATCH[-QUALIFIER]} maps to {@code MAJOR.MINOR.PATCH}: the patch
 * number is the build number and any qualifier ({@code -SNAPSHOT}, {@code -rc1}) is dropped, so
 * {@code 0.1.0-SNAPSHOT} reports {@code 0.1.0}. A patch above 9999, or a version that does not start
 * with three numbers, maps to {@link Version#NONE}.
 */
public final class ProductVersion {
    private static final String UNKNOWN = "0.0.0-unknown";
    private static final Pattern LEADING_NUMBERS = Pattern.compile("(\\d{1,5})\\.(\\d{1,5})\\.(\\d{1,4})(?:[-+.].*)?");
    private static final String TEXT = readText();

    private ProductVersion() {}

    /** The full build version, such as {@code 0.1.0-SNAPSHOT}. */
    public static String text() {
        return TEXT;
    }

    /** The wire form of this build's version (see the class comment for the mapping). */
    public static Version wire() {
        return wireFormOf(TEXT);
    }

    /** Maps a Maven version text to the wire form: {@code 1.4.12-SNAPSHOT} is {@code 1.4.12}. */
    public static Version wireFormOf(String mavenVersion) {
        Matcher match = LEADING_NUMBERS.matcher(mavenVersion == null ? "" : mavenVersion.strip());
        if (!match.matches()) {
            return Version.NONE;
        }
        return new Version(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)),
                Integer.parseInt(match.group(3)));
    }

    private static String readText() {
        try (InputStream in = ProductVersion.class.getResourceAsStream("product-version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", UNKNOWN).strip();
            return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read product-version.properties", e);
        }
    }
}
