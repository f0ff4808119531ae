package io.tessera.conversation;

/**
 * What the virus scanner said about an attachment, and so whether it may be served
 * (docs/adr/0010-virus-scanning.md).
 */
public enum ScanStatus {

    /** Stored while no scanner was configured; served. */
    UNSCANNED,
    /** The scanner found nothing; served. */
    CLEAN,
    /** The scanner found a signature; never served. */
    QUARANTINED,
    /** A scanner is configured but could not scan it (unreachable, an error); not served until a scan passes. */
    HELD;

    /** Whether the file may be downloaded or previewed. */
    public boolean served() {
        return this == UNSCANNED || this == CLEAN;
    }
}
