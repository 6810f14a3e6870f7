package dev.primary.testkit;

import io.netty.handler.ssl.OpenSslCertificateCompressionAlgorithm;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.net.ssl.SSLEngine;

/**
 * RFC 8879's zlib (algorithm 1) for a BoringSSL client that offers certificate compression: inflates the certificate
 * a server sent compressed, and counts how many it was sent. Netty's own zlib algorithm is not public.
 */
public final class ZlibCertificateInflater implements OpenSslCertificateCompressionAlgorithm {
    private final AtomicInteger inflated = new AtomicInteger();

    /** How many compressed certificates it was given. */
    public int inflated() {
        return inflated.get();
    }

    @Override
    public byte[] compress(SSLEngine engine, byte[] certificate) {
        throw new UnsupportedOperationException("a client's: it only decompresses");
    }

    @Override
    public byte[] decompress(SSLEngine engine, int length, byte[] compressed) throws DataFormatException {
        inflated.incrementAndGet();
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            byte[] certificate = new byte[length];
            int read = inflater.inflate(certificate);
            if (read != length || !inflater.finished()) {
                throw new DataFormatException("a certificate of " + read + " bytes where " + length + " were announced");
            }
            return certificate;
        } finally {
            inflater.end();
        }
    }

    @Override
    public int algorithmId() {
        return 1;
    }
}
