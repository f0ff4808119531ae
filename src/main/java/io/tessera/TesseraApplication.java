package io.tessera;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tessera, the self-hosted help desk. One application; each top-level package is a module. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TesseraApplication {

    public static void main(String[] args) {
        SpringApplication.run(TesseraApplication.class, args);
    }
}
