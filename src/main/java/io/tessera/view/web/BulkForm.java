package io.tessera.view.web;

import java.util.List;

/**
 * The bulk-action bar of a view: the ticked numbers, where to come back to, and either the changes
 * (blank = keep) or, when {@code action} is {@code merge}, the ticket to merge them into.
 */
record BulkForm(List<Long> tickets, Long view, String after, String status, String priority, String assignee,
                String team, String addTags, String removeTags, String action, Long mergeInto) {

    boolean isMerge() {
        return "merge".equals(action);
    }
}
