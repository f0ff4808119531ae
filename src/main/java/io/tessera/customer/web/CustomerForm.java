package io.tessera.customer.web;

import java.util.Arrays;
import java.util.List;

import io.tessera.customer.CustomerProfile;

/**
 * The create/edit customer form as typed; kept as typed when the form is shown again with errors. The
 * organization is typed by name (with suggestions), additional addresses one per line.
 */
record CustomerForm(String name, String email, String otherEmails, String phone, String organization, String notes,
                    String tier, String language, String timeZone) {

    static CustomerForm empty(String organization) {
        return new CustomerForm("", "", "", "", organization == null ? "" : organization, "", "", "", "");
    }

    static CustomerForm of(CustomerProfile customer) {
        return new CustomerForm(customer.name(), customer.email(), String.join("\n", customer.otherEmails()),
                orEmpty(customer.phone()), customer.organization() == null ? "" : customer.organization().name(),
                orEmpty(customer.notes()), orEmpty(customer.tier()), orEmpty(customer.language()),
                orEmpty(customer.timeZone()));
    }

    List<String> otherEmailList() {
        return otherEmails == null || otherEmails.isBlank() ? List.of()
                : Arrays.stream(otherEmails.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
