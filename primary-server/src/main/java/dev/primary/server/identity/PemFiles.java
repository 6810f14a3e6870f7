package dev.primary.server.identity;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** PEM text of TLS keys and certificates (through BouncyCastle's PKIX library). */
public final class PemFiles {
    private PemFiles() {}

    /** PKCS#8 {@code PRIVATE KEY} PEM text. */
    public static String encode(PrivateKey key) {
        try {
            return pem(new JcaPKCS8Generator(key, null).generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code CERTIFICATE} PEM text. */
    public static String encode(X509Certificate certificate) {
        return pem(certificate);
    }

    /** Reads an unencrypted private key: PKCS#8 ({@code PRIVATE KEY}) or traditional ({@code EC PRIVATE KEY}, {@code RSA PRIVATE KEY}). */
    public static PrivateKey readPrivateKey(Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(reader(file))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (item instanceof PKCS8EncryptedPrivateKeyInfo || item instanceof PEMEncryptedKeyPair) {
                    throw new IdentityException("TLS key " + file + " is encrypted; give the server an unencrypted key "
                            + "readable only by its own user");
                }
            }
        } catch (IOException e) {
            throw new IdentityException("cannot read TLS key " + file + ": " + e.getMessage(), e);
        }
        throw new IdentityException("TLS key " + file + " holds no PEM private key");
    }

    /** Reads every certificate in a PEM file, in order (server certificate first). */
    public static List<X509Certificate> readCertificates(Path file) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(reader(file))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IdentityException("cannot read TLS certificate " + file + ": " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IdentityException("TLS certificate file " + file + " holds no PEM certificate");
        }
        return certificates;
    }

    private static Reader reader(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IdentityException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String pem(Object value) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().strip();
    }
}
