package io.tessera.system;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A random secret generated on first start and kept in the database, so every node of a cluster and
 * every restart share it. It keys remember-me cookies now and signed Message-IDs later.
 */
@Component
public class InstallSecret {

    private static final String NAME = "install.secret";

    private final String value;

    InstallSecret(JdbcClient jdbc, TransactionTemplate transactions) {
        this.value = transactions.execute(status -> jdbc.sql("select setting_value from setting where name = ?")
                .param(NAME).query(String.class).optional()
                .orElseGet(() -> create(jdbc)));
    }

    private static String create(JdbcClient jdbc) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        // Standard MERGE runs on both databases; a second node starting at the same time keeps the first value.
        jdbc.sql("merge into setting s using (values (?, ?)) as v(name, setting_value) on s.name = v.name "
                        + "when not matched then insert (name, setting_value) values (v.name, v.setting_value)")
                .params(NAME, secret).update();
        return jdbc.sql("select setting_value from setting where name = ?").param(NAME).query(String.class).single();
    }

    public String value() {
        return value;
    }
}
