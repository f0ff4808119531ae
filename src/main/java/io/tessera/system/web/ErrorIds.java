package io.tessera.system.web;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * Short ids for server errors ({@code E-3f9a2c1b}): shown to the client, logged with the stack trace, so
 * "it said E-3f9a2c1b" leads an admin to the one log line. Random rather than sequential, so an id says
 * nothing about how many errors there were.
 */
@Component
public class ErrorIds {

    private final SecureRandom random = new SecureRandom();

    public String next() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return "E-" + HexFormat.of().formatHex(bytes);
    }
}
