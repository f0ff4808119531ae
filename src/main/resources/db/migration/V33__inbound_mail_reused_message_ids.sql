-- A Message-ID is not proof that two mails are the same: anybody can write any id, and broken clients reuse them.
-- Mail is now the same message only when its Message-ID AND its content hash (SHA-256 of the bytes without the
-- trace headers servers add on the way, ContentHash) are equal. Such a copy is counted on the first row
-- (duplicates, last_duplicate_at) for admins; a different mail under a known Message-ID is stored and processed
-- as its own, pointing at the first mail that used the id (reuses_message_id_of), and flagged on the admin screen.
-- Rows stored before have no hash; the intake computes it the first time a mail with their id arrives.
alter table inbound_mail add column content_hash varchar(64);
alter table inbound_mail add column duplicates integer default 0 not null;
alter table inbound_mail add column last_duplicate_at timestamp with time zone;
alter table inbound_mail add column reuses_message_id_of bigint;
alter table inbound_mail add constraint inbound_mail_reuses_fk foreign key (reuses_message_id_of)
    references inbound_mail (id) on delete set null;
drop index inbound_mail_message_id_uk;
-- Still what makes a relay's resend after a lost "250" one message when two hand-overs race (docs/email.md).
create unique index inbound_mail_message_id_uk on inbound_mail (mail_message_id, content_hash);
-- A mailbox's copy of a message stored before (by another path or mailbox): its server id, so the poller does not
-- download it again and it is counted as a duplicate once, not at every poll of a mailbox that keeps its mail.
create table inbound_mail_seen_uid (
    mailbox_id       bigint        not null references mailbox (id) on delete cascade,
    remote_uid       varchar(255)  not null,
    inbound_mail_id  bigint        not null references inbound_mail (id) on delete cascade,
    primary key (mailbox_id, remote_uid)
);
