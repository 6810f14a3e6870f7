package dev.primary.server.config;

import java.nio.file.Path;
import java.util.Objects;

/** Where the TLS certificate of both ports comes from. */
public sealed interface TlsSource {

    /** A certificate the server makes at first start and keeps in {@code <data-dir>/keys/}. */
    record SelfMade() implements TlsSource {
    }

    /**
     * A certificate the operator supplies.
     *
     * @param certificateChain PEM file, server certificate first
     * @param privateKey PEM file of its unencrypted private key (PKCS#8 or traditional)
     */
    record OperatorSupplied(Path certificateChain, Path privateKey) implements TlsSource {
        public OperatorSupplied {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }
}
