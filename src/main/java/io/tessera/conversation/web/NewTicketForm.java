package io.tessera.conversation.web;

/**
 * The "new ticket" form as typed — typically an agent logging a phone call — kept as typed when refused.
 * The requester is found by email or created with the given name.
 */
record NewTicketForm(String requesterEmail, String requesterName, String subject, String body, String channel,
                     Integer callMinutes, String priority, String type, Long teamId, Long assigneeId, String tags) {

    static NewTicketForm empty() {
        return new NewTicketForm("", "", "", "", "PHONE", null, "NORMAL", "question", null, null, "");
    }
}
