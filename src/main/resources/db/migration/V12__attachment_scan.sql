-- Virus scanning of attachments (docs/attachments.md, docs/adr/0010-virus-scanning.md).
-- scan_status says whether a file may be served:
--   UNSCANNED    stored while no scanner was configured: served (every file stored before this migration)
--   CLEAN        the scanner found nothing: served
--   QUARANTINED  the scanner found scan_signature: never served, the row stays so the ticket can say so
--   HELD         a scanner is configured but the scan failed (unreachable, error): not served until a
--                later scan passes
-- Rows sharing one file (sha256) are scanned on their own; the file itself is never deleted for this.

alter table attachment add column scan_status varchar(16) default 'UNSCANNED' not null;
alter table attachment add column scan_signature varchar(255);
alter table attachment add constraint attachment_scan_status_ck
    check (scan_status in ('UNSCANNED', 'CLEAN', 'QUARANTINED', 'HELD'));
