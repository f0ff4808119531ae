package io.tessera.channel.mailbox;

/**
 * What one poll did.
 *
 * @param imported      messages downloaded and handed to the intake
 * @param alreadyStored messages the intake had already (a poll that crashed before flagging them, or POP3
 *                      mail kept on the server): not downloaded again, only flagged or deleted as configured
 * @param more          whether messages were left for the next poll (the batch was full), which comes at once
 * @param tooLarge      messages left on the server, unread and untouched, because they exceed the receiver
 *                      limit: downloading them could exhaust memory; an admin must deal with them by hand
 */
public record PollResult(int imported, int alreadyStored, boolean more, int tooLarge) {

    public PollResult(int imported, int alreadyStored, boolean more) {
        this(imported, alreadyStored, more, 0);
    }

    /** What the admin must know although the poll worked, or {@code null}. */
    public String problem() {
        return tooLarge == 0 ? null : (tooLarge == 1 ? "1 message is" : tooLarge + " messages are")
                + " larger than TESSERA_MAIL_RECEIVER_LIMIT and left on the server, not imported";
    }

    public String summary() {
        String text = imported == 1 ? "1 new message" : imported + " new messages";
        if (alreadyStored > 0) {
            text += ", " + alreadyStored + " stored before (not downloaded again)";
        }
        if (tooLarge > 0) {
            text += "; " + problem();
        }
        return more ? text + "; more wait for the next poll" : text;
    }
}
