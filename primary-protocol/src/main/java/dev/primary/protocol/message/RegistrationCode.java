package dev.primary.protocol.message;

import dev.primary.protocol.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code that binds a license to one server installation: {@code <serial>/<XXXX-XXXX-XXXX-XXXX>}.
 * The server derives it from the serial and its own installation id; the vendor reads the serial
 * from it and signs an unlock that names the whole code, which only that installation accepts.
 */
public record RegistrationCode(String serial, String binding) {
    private static final Pattern FORM = Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]{0,63})/([A-Z2-7]{4}(?:-[A-Z2-7]{4}){3})");
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    /** The registration code of license {@code serial} on installation {@code installationId}. */
    public static RegistrationCode of(String serial, String installationId) {
        byte[] digest = Sha256.of(("primary-registration\n" + serial + "\n" + installationId)
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder binding = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                binding.append('-');
            }
            binding.append(BASE32[(digest[i] & 0xff) % 32]);
        }
        return new RegistrationCode(serial, binding.toString());
    }

    public static RegistrationCode parse(String text) {
        Matcher match = FORM.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!match.matches()) {
            throw new IllegalArgumentException(
                    "registration code must look like SERIAL/XXXX-XXXX-XXXX-XXXX, got \"" + text.strip() + "\"");
        }
        return new RegistrationCode(match.group(1), match.group(2));
    }

    public String text() {
        return serial + "/" + binding;
    }

    @Override
    public String toString() {
        return text();
    }
}
