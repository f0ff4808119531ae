package io.tessera.sla;

import java.util.Locale;

/**
 * What an SLA target measures. First response: from creation to the first public reply by an agent.
 * Next response: from a customer's message that waits for an answer (after the first response) to the
 * agent's next public reply. Resolution: from creation until the ticket is solved; reopening it resumes
 * the clock with the time already used.
 */
public enum SlaMetric {
    FIRST_RESPONSE("First response", "firstResponse"),
    NEXT_RESPONSE("Next response", "nextResponse"),
    RESOLUTION("Resolution", "resolution");

    private final String label;
    private final String jsonName;

    SlaMetric(String label, String jsonName) {
        this.label = label;
        this.jsonName = jsonName;
    }

    public String label() {
        return label;
    }

    /** The API's name in a target list: {@code first_response}, {@code next_response}, {@code resolution}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The property of the ticket JSON's {@code sla} object: {@code firstResponse}, … */
    public String jsonName() {
        return jsonName;
    }

    public static SlaMetric fromKey(String key, String field) {
        for (SlaMetric metric : values()) {
            if (metric.key().equalsIgnoreCase(key == null ? "" : key.strip()) || metric.jsonName().equalsIgnoreCase(key)) {
                return metric;
            }
        }
        throw new InvalidSla(field, "Unknown metric '" + key + "'. Use first_response, next_response or resolution.");
    }
}
