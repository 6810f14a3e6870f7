package dev.primary.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The server software's version, from the build (a filtered resource), for {@code hello} and {@code --version}. */
public final class ServerVersion {
    private static final String CURRENT = read();

    private ServerVersion() {}

    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = ServerVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
