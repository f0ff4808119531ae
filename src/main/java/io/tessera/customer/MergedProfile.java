package io.tessera.customer;

import io.tessera.customer.internal.CustomerRepository.Row;

/**
 * What the kept customer looks like after a merge: its own values win; what it lacks (phone,
 * organization, tier, language, time zone) comes from the merged record, and the merged record's notes
 * are appended, so nothing an agent once wrote down is lost.
 */
final class MergedProfile {

    private static final int NOTES_LIMIT = 4000;

    private MergedProfile() {
    }

    static Row of(CustomerProfile target, CustomerProfile source) {
        return new Row(target.name(), target.email(), either(target.phone(), source.phone()),
                target.organization() != null ? target.organization().id()
                        : source.organization() == null ? null : source.organization().id(),
                notes(target, source), either(target.tier(), source.tier()),
                either(target.language(), source.language()), either(target.timeZone(), source.timeZone()));
    }

    private static String notes(CustomerProfile target, CustomerProfile source) {
        if (source.notes() == null) {
            return target.notes();
        }
        if (target.notes() == null) {
            return source.notes();
        }
        String joined = target.notes() + "\n\nFrom " + source.name() + " <" + source.email() + ">:\n" + source.notes();
        return joined.length() <= NOTES_LIMIT ? joined : joined.substring(0, NOTES_LIMIT - 1) + "…";
    }

    private static String either(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }
}
