package dev.primary.client.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The Client Service's logging, set up in code: INFO and above to stderr (so that {@code status --json} keeps stdout
 * clean), one {@link LogLineEncoder} line per event; {@code run} adds the log file in the client's home.
 * <p>
 * Logback finds this class as a {@link Configurator} service but acts only in a process whose main asked for it
 * ({@link #PROPERTY}); every other program, and a user's own {@code -Dlogback.configurationFile}, gets Logback's
 * usual XML configuration. Set up in code, the agent loads neither an XML parser nor Logback's configuration model
 * (about 350 classes that would stay loaded for its whole life).
 */
public final class BuiltInLogging extends ContextAwareBase implements Configurator {
    /** The system property a main sets to {@code true} to get this configuration. */
    public static final String PROPERTY = "primary.client.builtInLogging";

    /** Asks for this configuration, unless the user named a Logback configuration file of their own. */
    public static void requestUnlessConfigured() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty(PROPERTY, "true");
        }
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LogLineEncoder encoder = LogLineEncoder.withoutThread();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
