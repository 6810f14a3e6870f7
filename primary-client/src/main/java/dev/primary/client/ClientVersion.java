package dev.primary.client;

import dev.primary.protocol.message.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The version of this Client Service build, from the Maven project version ({@code 0.1.0-SNAPSHOT} is {@code 0.1.0}). */
public final class ClientVersion {
    private static final Pattern LEADING_VERSION = Pattern.compile("(\\d{1,5})\\.(\\d{1,5})\\.(\\d{1,4}).*");
    private static final String TEXT = readText();

    private ClientVersion() {}

    /** The full build version text, such as {@code 0.1.0-SNAPSHOT}. */
    public static String text() {
        return TEXT;
    }

    /** The wire form sent in {@code register}. */
    public static Version current() {
        Matcher match = LEADING_VERSION.matcher(TEXT);
        if (!match.matches()) {
            return Version.NONE;
        }
        return new Version(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)),
                Integer.parseInt(match.group(3)));
    }

    private static String readText() {
        try (InputStream in = ClientVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "0.0.0-unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "0.0.0-unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Client Service's version.properties", e);
        }
    }
}
