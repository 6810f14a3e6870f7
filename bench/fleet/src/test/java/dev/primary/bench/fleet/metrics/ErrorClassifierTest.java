package dev.primary.bench.fleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.bench.fleet.transport.AnswerTooLargeException;
import dev.primary.bench.fleet.transport.ConnectionClosedException;
import dev.primary.bench.fleet.transport.ExchangeTimeoutException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {
    @Test
    void a_503_a_429_and_a_401_have_kinds_of_their_own_and_other_statuses_sort_by_class() {
        assertThat(ErrorClassifier.ofStatus(503)).isEqualTo(ErrorKind.HTTP_503);
        assertThat(ErrorClassifier.ofStatus(401)).isEqualTo(ErrorKind.HTTP_401);
        assertThat(ErrorClassifier.ofStatus(429)).isEqualTo(ErrorKind.HTTP_429);
        assertThat(ErrorClassifier.ofStatus(403)).isEqualTo(ErrorKind.HTTP_4XX);
        assertThat(ErrorClassifier.ofStatus(409)).isEqualTo(ErrorKind.HTTP_4XX);
        assertThat(ErrorClassifier.ofStatus(500)).isEqualTo(ErrorKind.HTTP_5XX);
        assertThat(ErrorClassifier.ofStatus(502)).isEqualTo(ErrorKind.HTTP_5XX);
        assertThat(ErrorClassifier.ofStatus(302)).isEqualTo(ErrorKind.PROTOCOL);
    }

    @Test
    void a_refused_connection_is_told_from_a_timeout() {
        assertThat(ErrorClassifier.ofFailure(new ConnectException("Connection refused")))
                .isEqualTo(ErrorKind.CONNECT_REFUSED);
        assertThat(ErrorClassifier.ofFailure(new ConnectTimeoutException("connection timed out")))
                .isEqualTo(ErrorKind.TIMEOUT);
        assertThat(ErrorClassifier.ofFailure(new ExchangeTimeoutException(Duration.ofSeconds(30))))
                .isEqualTo(ErrorKind.TIMEOUT);
    }

    @Test
    void a_tls_failure_is_found_inside_the_decoder_exception_that_wraps_it() {
        DecoderException wrapped = new DecoderException(new SSLHandshakeException("server key does not match the pin"));
        assertThat(ErrorClassifier.ofFailure(wrapped)).isEqualTo(ErrorKind.TLS);
    }

    @Test
    void closed_and_reset_connections_are_connection_closed() {
        assertThat(ErrorClassifier.ofFailure(new ConnectionClosedException("closed"))).isEqualTo(
                ErrorKind.CONNECTION_CLOSED);
        assertThat(ErrorClassifier.ofFailure(new ClosedChannelException())).isEqualTo(ErrorKind.CONNECTION_CLOSED);
        assertThat(ErrorClassifier.ofFailure(new IOException("Connection reset by peer")))
                .isEqualTo(ErrorKind.CONNECTION_CLOSED);
    }

    @Test
    void unreadable_or_oversized_answers_are_protocol_errors_and_anything_else_is_io() {
        assertThat(ErrorClassifier.ofFailure(new DecoderException("invalid version format"))).isEqualTo(
                ErrorKind.PROTOCOL);
        assertThat(ErrorClassifier.ofFailure(new AnswerTooLargeException(1024))).isEqualTo(ErrorKind.PROTOCOL);
        assertThat(ErrorClassifier.ofFailure(new IOException("No buffer space available"))).isEqualTo(ErrorKind.IO);
    }
}
