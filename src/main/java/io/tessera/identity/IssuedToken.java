package io.tessera.identity;

/** A token just created. {@code secret} is shown to its owner this once and is not stored anywhere. */
public record IssuedToken(ApiToken token, String secret) {
}
