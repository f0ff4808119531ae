package io.tessera.ticket;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An admin-defined ticket field. {@link #parse} turns what a form or the API sent into the field's value
 * (or refuses it with a message naming the field); {@link #display} is how people read a value.
 *
 * <p>Values by type: text, multi-line and drop-down are {@code String}; number is {@code Long}; decimal is
 * {@code BigDecimal} (at most 6 decimals); date is {@code LocalDate}; checkbox is {@code Boolean}; multi-select
 * is a {@code List<String>} in the options' order. {@code null} means empty.
 */
public record CustomField(long id, String key, String label, String description, FieldType type, List<String> options,
                          boolean requiredToSolve, boolean active, int position) {

    static final int TEXT_MAX = 255;
    static final int MULTILINE_MAX = 4000;
    private static final BigDecimal DECIMAL_LIMIT = new BigDecimal("1e19");

    public CustomField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** The name an error or a form uses for this field: {@code customFields.order_number}. */
    public String errorField() {
        return "customFields." + key;
    }

    /** Checks and normalises a value as sent; blank and empty mean "no value". */
    public Object parse(Object raw) {
        if (type == FieldType.CHECKBOX) {
            return checkbox(raw);
        }
        if (type == FieldType.MULTISELECT) {
            return multiselect(raw);
        }
        if (raw instanceof Collection<?> values) {
            if (values.size() > 1) {
                throw invalid("takes one value, not a list.");
            }
            raw = values.isEmpty() ? null : values.iterator().next();
        }
        String text = raw == null ? "" : raw.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        return switch (type) {
            case TEXT -> text(text);
            case MULTILINE -> multiline(raw.toString());
            case NUMBER -> number(raw, text);
            case DECIMAL -> decimal(text);
            case DATE -> date(text);
            case DROPDOWN -> option(text);
            default -> throw new IllegalStateException(type.name());
        };
    }

    /** A value as people read it, in the timeline and the event log; {@code "empty"} for none. */
    public String display(Object value) {
        if (type == FieldType.CHECKBOX) {
            return Boolean.TRUE.equals(value) ? "Yes" : "No";
        }
        if (value == null || (value instanceof Collection<?> c && c.isEmpty())) {
            return "empty";
        }
        if (value instanceof BigDecimal d) {
            return plain(d);
        }
        if (value instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(Object::toString).toList());
        }
        return value.toString();
    }

    /** Whether a value counts as filled in, for "required to solve": a checkbox must be ticked. */
    public boolean isFilled(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !(value instanceof Collection<?> c && c.isEmpty());
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private String text(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw invalid("is a single line of text.");
        }
        if (text.length() > TEXT_MAX) {
            throw invalid("takes at most " + TEXT_MAX + " characters.");
        }
        return text;
    }

    private String multiline(String text) {
        String trimmed = text.strip();
        if (trimmed.length() > MULTILINE_MAX) {
            throw invalid("takes at most " + MULTILINE_MAX + " characters.");
        }
        return trimmed;
    }

    private Long number(Object raw, String text) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return ((Number) raw).longValue();
        }
        try {
            return new BigDecimal(text).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid("must be a whole number, like 42; '" + shorten(text) + "' is not.");
        }
    }

    private BigDecimal decimal(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw invalid("must be a number like 12.50 (with a point for decimals); '" + shorten(text) + "' is not.");
        }
        if (value.stripTrailingZeros().scale() > 6) {
            throw invalid("takes at most 6 decimals.");
        }
        if (value.abs().compareTo(DECIMAL_LIMIT) >= 0) {
            throw invalid("is too large.");
        }
        return new BigDecimal(plain(value));
    }

    private LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("must be a date as YYYY-MM-DD, like 2026-03-31; '" + shorten(text) + "' is not.");
        }
    }

    private String option(String text) {
        for (String option : options) {
            if (option.equalsIgnoreCase(text)) {
                return option;
            }
        }
        throw invalid("has no option '" + shorten(text) + "'. Choose one of: " + String.join(", ", options) + ".");
    }

    private Boolean checkbox(Object raw) {
        if (raw instanceof Collection<?> values) {
            raw = values.isEmpty() ? null : values.iterator().next();
        }
        if (raw == null || raw instanceof Boolean) {
            return Boolean.TRUE.equals(raw);
        }
        String text = raw.toString().strip().toLowerCase(Locale.ROOT);
        if (Set.of("true", "on", "yes", "1").contains(text)) {
            return true;
        }
        if (Set.of("false", "off", "no", "0", "").contains(text)) {
            return false;
        }
        throw invalid("is a checkbox: use true or false.");
    }

    private List<String> multiselect(Object raw) {
        List<Object> values = new ArrayList<>();
        if (raw instanceof Collection<?> c) {
            values.addAll(c);
        } else if (raw != null) {
            values.add(raw);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (Object value : values) {
            String text = value == null ? "" : value.toString().strip();
            if (!text.isEmpty()) {
                chosen.add(option(text));
            }
        }
        if (chosen.isEmpty()) {
            return null;
        }
        return options.stream().filter(chosen::contains).toList();
    }

    private InvalidTicketChange invalid(String problem) {
        return new InvalidTicketChange(errorField(), label + " " + problem);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
