package io.tessera.audit.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.tessera.audit.AuditEntry;
import io.tessera.audit.AuditTrail;

/** {@code /admin/audit}: the audit trail, newest first, 50 to a page. */
@Controller
class AuditAdminController {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail trail;

    AuditAdminController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) Long before, Model model) {
        List<AuditEntry> entries = trail.page(before, PAGE_SIZE + 1);
        boolean more = entries.size() > PAGE_SIZE;
        List<AuditEntry> page = more ? entries.subList(0, PAGE_SIZE) : entries;
        model.addAttribute("entries", page);
        model.addAttribute("nextBefore", more ? page.get(page.size() - 1).id() : null);
        model.addAttribute("first", before == null);
        return "audit/audit";
    }
}
