package dev.primary.server.http;

import java.security.SecureRandom;

/**
 * Ids of server faults: 10 random lower-case base32 characters ({@code k3x9a2mq4z}), logged with the fault and sent
 * in the answer's {@code incident}, so an operator finds the one log entry a client's error report is about. Random,
 * so an id tells an outsider nothing (not how many faults there were, nor when).
 */
final class Incidents {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Incidents() {}

    static String newId() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
