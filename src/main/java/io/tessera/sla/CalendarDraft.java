package io.tessera.sla;

import java.util.List;
import java.util.Map;

/**
 * A business-hours calendar as an admin sends it: {@code hours} maps day names ({@code monday} …) to
 * intervals such as {@code "09:00-17:00"}; {@code holidays} are ISO dates ({@code 2026-12-25}).
 */
public record CalendarDraft(String name, String zone, Map<String, List<String>> hours, List<String> holidays) {
}
