package io.tessera.channel.mailbox;

/**
 * What one poll did.
 *
 * @param imported      messages downloaded and handed to the intake
 * @param alreadyStored messages the intake had already (a poll that crashed before flagging them, or POP3
 *                      mail kept on the server): not downloaded again, only flagged or deleted as configured
 * @param more          whether messages were left for the next poll (the batch was full), which comes at once
 */
public record PollResult(int imported, int alreadyStored, boolean more) {

    public String summary() {
        String text = imported == 1 ? "1 new message" : imported + " new messages";
        if (alreadyStored > 0) {
            text += ", " + alreadyStored + " stored before (not downloaded again)";
        }
        return more ? text + "; more wait for the next poll" : text;
    }
}
