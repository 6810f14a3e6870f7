package dev.primary.client.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Says in a few words why a request got no answer ("connection refused"), for status reasons and logs. */
final class TransportFailure {
    private TransportFailure() {}

    static String describe(IOException failure, Duration connectTimeout, Duration requestTimeout) {
        SocketTimeoutException timeout = causeOf(failure, SocketTimeoutException.class);
        if (timeout != null) {
            return connectTimedOut(timeout) ? "no connection within " + connectTimeout.toSeconds() + " s"
                    : "no answer within " + requestTimeout.toSeconds() + " s";
        }
        CertificateException refusedKey = causeOf(failure, CertificateException.class);
        if (refusedKey != null) {
            return "TLS key refused: " + refusedKey.getMessage();
        }
        if (causeOf(failure, UnknownHostException.class) != null) {
            return "the server name cannot be resolved";
        }
        if (causeOf(failure, NoRouteToHostException.class) != null) {
            return "no route to the server";
        }
        if (causeOf(failure, ConnectException.class) != null) {
            return "connection refused";
        }
        SSLException tls = causeOf(failure, SSLException.class);
        if (tls != null) {
            return "TLS failed (" + tls.getMessage() + "): is this the server's client port?";
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** The JDK says "Connect timed out" when the connection was not made in time, "Read timed out" after. */
    private static boolean connectTimedOut(SocketTimeoutException timeout) {
        String message = timeout.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("connect");
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
