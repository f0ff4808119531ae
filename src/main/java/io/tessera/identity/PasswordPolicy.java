package io.tessera.identity;

import java.security.SecureRandom;

/**
 * Rules for agent passwords and the generator for temporary ones. Bcrypt reads at most 72 bytes, so the
 * upper bound keeps every character meaningful.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 64;

    // No look-alike characters (0/O, 1/l/I): generated passwords get read off a screen and typed.
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    public static void check(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidChange(field, "Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidChange(field, "Use at most " + MAX_LENGTH + " characters.");
        }
        if (password.isBlank()) {
            throw new InvalidChange(field, "A password cannot be only spaces.");
        }
    }

    /** A random 20-character password (about 116 bits). */
    public static String generate() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
