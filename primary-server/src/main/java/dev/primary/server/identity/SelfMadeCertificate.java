package dev.primary.server.identity;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate a server makes for itself at first start: EC P-256 (fast handshakes), CN
 * {@code primary-server}, valid ten years. Clients pin its key, not a certificate authority, so the
 * names in it matter only to tools that look; it names localhost, 127.0.0.1 and the host name.
 */
public final class SelfMadeCertificate {
    public static final String COMMON_NAME = "primary-server";
    public static final Duration VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfMadeCertificate() {}

    /** Makes a new key and certificate for {@code hostName} (may be empty), valid from {@code clock}'s now. */
    public static TlsKeyMaterial create(Clock clock, String hostName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair keys = generator.generateKeyPair();
            Instant now = clock.instant();
            X500Name name = new X500Name("CN=" + COMMON_NAME);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(hostName));
            var holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            return new TlsKeyMaterial(keys.getPrivate(), List.of(new JcaX509CertificateConverter().getCertificate(holder)));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IdentityException("cannot make a TLS certificate: " + e.getMessage(), e);
        }
    }

    /** This machine's host name, or empty when it cannot be found. */
    public static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static GeneralNames subjectAlternativeNames(String hostName) {
        Set<String> dnsNames = new LinkedHashSet<>();
        dnsNames.add("localhost");
        if (hostName != null && hostName.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})")) {
            dnsNames.add(hostName);
        }
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }
}
