package io.tessera.view.web;

import java.util.List;

/** The bulk-action bar of a view: the ticked numbers, where to come back to, and the changes (blank = keep). */
record BulkForm(List<Long> tickets, Long view, String after, String status, String priority, String assignee,
                String team, String addTags, String removeTags) {
}
