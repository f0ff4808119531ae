package io.tessera.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CustomFieldTests {

    static CustomField field(FieldType type, String... options) {
        return new CustomField(1, "order_number", "Order number", null, type, List.of(options), false, true, 0);
    }

    private static void refused(CustomField field, Object raw, String message) {
        assertThatThrownBy(() -> field.parse(raw))
                .isInstanceOf(InvalidTicketChange.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidTicketChange) e).field()).isEqualTo("customFields.order_number"));
    }

    @Test
    void blankMeansNoValue() {
        for (FieldType type : List.of(FieldType.TEXT, FieldType.NUMBER, FieldType.DECIMAL, FieldType.DATE, FieldType.DROPDOWN)) {
            assertThat(field(type, "A").parse("  ")).isNull();
            assertThat(field(type, "A").parse(null)).isNull();
        }
        assertThat(field(FieldType.MULTISELECT, "A").parse(List.of())).isNull();
        assertThat(field(FieldType.CHECKBOX).parse(null)).isEqualTo(false);
    }

    @Test
    void textIsOneTrimmedLineOfAtMost255Characters() {
        assertThat(field(FieldType.TEXT).parse("  A-1042 ")).isEqualTo("A-1042");
        refused(field(FieldType.TEXT), "two\nlines", "Order number is a single line");
        refused(field(FieldType.TEXT), "x".repeat(256), "at most 255");
        assertThat(field(FieldType.MULTILINE).parse("two\nlines")).isEqualTo("two\nlines");
    }

    @Test
    void numbersAreWholeAndDecimalsUseAPoint() {
        assertThat(field(FieldType.NUMBER).parse(" 42 ")).isEqualTo(42L);
        assertThat(field(FieldType.NUMBER).parse(7)).isEqualTo(7L);
        refused(field(FieldType.NUMBER), "4.5", "Order number must be a whole number");
        refused(field(FieldType.NUMBER), "forty", "'forty' is not");
        assertThat(field(FieldType.DECIMAL).parse("12.50")).isEqualTo(new BigDecimal("12.5"));
        assertThat(field(FieldType.DECIMAL).parse("100")).isEqualTo(new BigDecimal("100"));
        refused(field(FieldType.DECIMAL), "12,50", "with a point for decimals");
        refused(field(FieldType.DECIMAL), "0.1234567", "at most 6 decimals");
    }

    @Test
    void datesAreIso() {
        assertThat(field(FieldType.DATE).parse("2026-03-31")).isEqualTo(LocalDate.of(2026, 3, 31));
        refused(field(FieldType.DATE), "31/03/2026", "YYYY-MM-DD");
        refused(field(FieldType.DATE), "2026-02-30", "YYYY-MM-DD");
    }

    @Test
    void optionsMustExistAndAreStoredAsDefined() {
        CustomField product = field(FieldType.DROPDOWN, "Tessera Cloud", "Tessera Server");
        assertThat(product.parse("tessera cloud")).isEqualTo("Tessera Cloud");
        refused(product, "Toaster", "has no option 'Toaster'. Choose one of: Tessera Cloud, Tessera Server");
        refused(product, List.of("Tessera Cloud", "Tessera Server"), "takes one value");

        CustomField areas = field(FieldType.MULTISELECT, "Billing", "Login", "Mail");
        assertThat(areas.parse(List.of("mail", "Billing", "mail"))).isEqualTo(List.of("Billing", "Mail"));
        assertThat(areas.parse("Login")).isEqualTo(List.of("Login"));
        refused(areas, List.of("Billing", "Printing"), "no option 'Printing'");
    }

    @Test
    void checkboxesAcceptTheUsualSpellings() {
        CustomField box = field(FieldType.CHECKBOX);
        assertThat(box.parse("on")).isEqualTo(true);
        assertThat(box.parse(true)).isEqualTo(true);
        assertThat(box.parse("false")).isEqualTo(false);
        refused(box, "maybe", "use true or false");
        assertThat(box.isFilled(false)).as("a required checkbox must be ticked").isFalse();
        assertThat(box.display(true)).isEqualTo("Yes");
    }

    @Test
    void displayIsHowPeopleReadIt() {
        assertThat(field(FieldType.DECIMAL).display(new BigDecimal("12.500000"))).isEqualTo("12.5");
        assertThat(field(FieldType.DECIMAL).display(new BigDecimal("1E+2"))).isEqualTo("100");
        assertThat(field(FieldType.MULTISELECT, "A", "B").display(List.of("A", "B"))).isEqualTo("A, B");
        assertThat(field(FieldType.TEXT).display(null)).isEqualTo("empty");
    }
}
