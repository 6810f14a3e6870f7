package dev.primary.server.account;

/** A slow, salted password hash, encoded with its parameters so that they can change later. */
public interface PasswordHashing {

    /** The encoded hash of {@code password}, with a fresh salt. */
    String hash(String password);

    /** Whether {@code password} is the one {@code encoded} was made from, compared in constant time. */
    boolean matches(String password, String encoded);
}
