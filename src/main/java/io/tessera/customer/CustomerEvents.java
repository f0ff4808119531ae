package io.tessera.customer;

import io.tessera.shared.AuditRecord;
import io.tessera.shared.AuditableEvent;
import io.tessera.shared.CustomerId;
import io.tessera.shared.Initiator;
import io.tessera.shared.OrganizationId;

/**
 * The customer module's audited events. Merges are audited because they cannot be undone and delete a
 * record; organizations because their domains decide where new customers land.
 */
public final class CustomerEvents {

    private CustomerEvents() {
    }

    /**
     * The audit line of a merge. {@link CustomersMerged} carries only ids; this one keeps who the merged
     * customer was, because their record is gone afterwards.
     */
    public record MergeRecorded(CustomerId from, String fromDescription, CustomerId into, String intoDescription,
                                int addressesMoved, Initiator by) implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "customer.merged", "customer", into.value(),
                    "Merged customer " + fromDescription + " (" + from + ") into " + intoDescription + " (" + into + "); "
                            + addressesMoved + " address(es) moved");
        }
    }

    public record OrganizationCreated(OrganizationId organizationId, String name, Initiator by) implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "organization.created", "organization", organizationId.value(),
                    "Created organization " + name);
        }
    }

    public record OrganizationChanged(OrganizationId organizationId, String name, String change, Initiator by)
            implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "organization.updated", "organization", organizationId.value(),
                    "Organization " + name + ": " + change);
        }
    }
}
