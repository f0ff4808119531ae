package io.tessera.channel.outbox;

/** Where an outgoing mail is (see V11__email.sql). */
public enum OutboundStatus {
    QUEUED, SENDING, SENT, RETRYING, FAILED, SUPPRESSED
}
