package dev.primary.bench.fleet.metrics;

import dev.primary.bench.fleet.transport.AnswerTooLargeException;
import dev.primary.bench.fleet.transport.ConnectionClosedException;
import dev.primary.bench.fleet.transport.ExchangeTimeoutException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import javax.net.ssl.SSLException;

/** Sorts failures and non-2xx answers into {@link ErrorKind}s. */
public final class ErrorClassifier {
    private ErrorClassifier() {}

    /** The kind of a non-2xx HTTP status. */
    public static ErrorKind ofStatus(int status) {
        if (status == 503) {
            return ErrorKind.HTTP_503;
        }
        if (status == 401) {
            return ErrorKind.HTTP_401;
        }
        if (status == 429) {
            return ErrorKind.HTTP_429;
        }
        if (status >= 400 && status < 500) {
            return ErrorKind.HTTP_4XX;
        }
        if (status >= 500) {
            return ErrorKind.HTTP_5XX;
        }
        return ErrorKind.PROTOCOL; // 1xx or 3xx: nothing the protocol answers with
    }

    /** The kind of a transport failure, looking through wrapping exceptions. */
    public static ErrorKind ofFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            ErrorKind kind = direct(cause);
            if (kind != null) {
                return kind;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return failure instanceof DecoderException ? ErrorKind.PROTOCOL : ErrorKind.IO;
    }

    private static ErrorKind direct(Throwable cause) {
        if (cause instanceof ConnectTimeoutException || cause instanceof ExchangeTimeoutException) {
            return ErrorKind.TIMEOUT;
        }
        if (cause instanceof ConnectException) {
            return ErrorKind.CONNECT_REFUSED;
        }
        if (cause instanceof SSLException) {
            return ErrorKind.TLS;
        }
        if (cause instanceof AnswerTooLargeException) {
            return ErrorKind.PROTOCOL;
        }
        if (cause instanceof ConnectionClosedException || cause instanceof ClosedChannelException
                || isReset(cause)) {
            return ErrorKind.CONNECTION_CLOSED;
        }
        return null;
    }

    private static boolean isReset(Throwable cause) {
        String message = cause.getMessage();
        return cause instanceof IOException && message != null
                && (message.contains("Connection reset") || message.contains("Broken pipe"));
    }
}
