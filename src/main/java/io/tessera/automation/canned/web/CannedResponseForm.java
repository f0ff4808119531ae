package io.tessera.automation.canned.web;

import io.tessera.automation.canned.CannedResponse;
import io.tessera.automation.canned.CannedResponseDraft;

/** The create/edit form; kept as typed when saving fails. {@code shared} is absent when the box is unticked. */
record CannedResponseForm(String title, String shortcode, String body, Boolean shared) {

    static CannedResponseForm blank() {
        return new CannedResponseForm("", "", "", false);
    }

    static CannedResponseForm of(CannedResponse response) {
        return new CannedResponseForm(response.title(), response.shortcode() == null ? "" : "/" + response.shortcode(),
                response.body(), response.isShared());
    }

    CannedResponseDraft draft() {
        return new CannedResponseDraft(title, shortcode, body, Boolean.TRUE.equals(shared));
    }
}
