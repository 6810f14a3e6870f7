package dev.primary.client.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BuiltInLoggingTest {
    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void forgetTheRequest() {
        System.clearProperty(BuiltInLogging.PROPERTY);
    }

    @Test
    void without_the_mains_request_it_leaves_the_configuration_to_logback() {
        ExecutionStatus status = new BuiltInLogging().configure(context);

        assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(root().iteratorForAppenders().hasNext()).isFalse();
    }

    @Test
    void when_requested_it_logs_info_and_above_to_stderr_in_the_client_line_format_and_stops_there() {
        System.setProperty(BuiltInLogging.PROPERTY, "true");

        ExecutionStatus status = new BuiltInLogging().configure(context);

        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(root().getLevel()).isEqualTo(Level.INFO);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root().getAppender("CONSOLE");
        assertThat(console.getTarget()).isEqualTo("System.err");
        assertThat(console.getEncoder()).isInstanceOf(LogLineEncoder.class);
        assertThat(console.isStarted()).isTrue();
    }

    private Logger root() {
        return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
