package dev.primary.server.password;

import dev.primary.server.account.PasswordHashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Passwords hashed with Argon2id (RFC 9106) by BouncyCastle's pure-Java generator, encoded in the PHC string
 * format {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} so that a hash keeps the parameters it
 * was made with and the defaults can grow later. Parameters of a stored hash are bounded before use, so a damaged
 * row cannot make one check take minutes. Why these defaults: docs/architecture.md, "Account passwords".
 */
public final class Argon2idHashing implements PasswordHashing {
    /** 19 MiB, 2 passes, 1 lane: OWASP's first recommended Argon2id setting; measured in docs/architecture.md. */
    public static final Parameters DEFAULT = new Parameters(19_456, 2, 1);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_PASSES = 20;
    private static final int MAX_LANES = 8;
    private static final String PREFIX = "$argon2id$v=19$";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Parameters parameters;

    public Argon2idHashing(Parameters parameters) {
        this.parameters = parameters;
    }

    /**
     * Argon2id's cost.
     *
     * @param memoryKib memory per hash in KiB
     * @param passes passes over that memory
     * @param lanes parallel lanes
     */
    public record Parameters(int memoryKib, int passes, int lanes) {
        public Parameters {
            if (lanes < 1 || lanes > MAX_LANES || passes < 1 || passes > MAX_PASSES || memoryKib < 8 * lanes
                    || memoryKib > MAX_MEMORY_KIB) {
                throw new IllegalArgumentException("Argon2id parameters out of bounds: m=" + memoryKib + " KiB (8*p to "
                        + MAX_MEMORY_KIB + "), t=" + passes + " (1 to " + MAX_PASSES + "), p=" + lanes + " (1 to "
                        + MAX_LANES + ")");
            }
        }
    }

    @Override
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, parameters, HASH_BYTES);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "m=" + parameters.memoryKib() + ",t=" + parameters.passes() + ",p=" + parameters.lanes()
                + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    @Override
    public boolean matches(String password, String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX)) {
            return false;
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            Parameters stored = parse(parts[0]);
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] salt = base64.decode(parts[1]);
            byte[] expected = base64.decode(parts[2]);
            if (salt.length < 8 || expected.length < 16 || expected.length > 64) {
                return false;
            }
            return MessageDigest.isEqual(derive(password, salt, stored, expected.length), expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Parameters parse(String text) {
        String[] fields = text.split(",", -1);
        if (fields.length != 3 || !fields[0].startsWith("m=") || !fields[1].startsWith("t=")
                || !fields[2].startsWith("p=")) {
            throw new IllegalArgumentException("not Argon2id parameters");
        }
        return new Parameters(Integer.parseInt(fields[0].substring(2)), Integer.parseInt(fields[1].substring(2)),
                Integer.parseInt(fields[2].substring(2)));
    }

    private static byte[] derive(String password, byte[] salt, Parameters parameters, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(parameters.memoryKib())
                .withIterations(parameters.passes())
                .withParallelism(parameters.lanes())
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
