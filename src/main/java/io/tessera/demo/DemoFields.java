package io.tessera.demo;

import java.util.List;

import org.springframework.stereotype.Component;

import io.tessera.shared.Initiator;
import io.tessera.ticket.CustomField;
import io.tessera.ticket.CustomFieldDefinitions;
import io.tessera.ticket.FieldDefinition;
import io.tessera.ticket.FieldType;
import io.tessera.ticket.TicketAdministration;

/**
 * A few custom fields so a new install shows what forms do: questions and incidents ask for the order
 * number and product; a "Refund" type also needs the refund amount before it can be solved.
 */
@Component
class DemoFields {

    private final CustomFieldDefinitions fields;
    private final TicketAdministration administration;

    DemoFields(CustomFieldDefinitions fields, TicketAdministration administration) {
        this.fields = fields;
        this.administration = administration;
    }

    void load(Initiator by) {
        CustomField order = fields.create(new FieldDefinition("order_number", "Order number",
                "As on the invoice, e.g. A-10423.", FieldType.TEXT, List.of(), false, 1), by);
        CustomField product = fields.create(new FieldDefinition("product", "Product", null, FieldType.DROPDOWN,
                List.of("Tessera Cloud", "Tessera Server", "Mobile app"), false, 2), by);
        CustomField refund = fields.create(new FieldDefinition("refund_amount", "Refund amount",
                "What we paid back, in the invoice's currency.", FieldType.DECIMAL, List.of(), true, 3), by);
        fields.setForm("question", List.of(product.id(), order.id()), by);
        fields.setForm("incident", List.of(product.id(), order.id()), by);
        String refundType = administration.addType("Refund", by).key();
        fields.setForm(refundType, List.of(order.id(), product.id(), refund.id()), by);
    }
}
