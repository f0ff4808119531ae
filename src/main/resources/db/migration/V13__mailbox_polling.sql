-- Mailbox polling (docs/email.md, "Mailboxes: IMAP and POP3").

-- What happens to a message on the server once it is stored: IMAP marks it read (MARK_READ, \Seen) or deletes
-- it (DELETE, expunged); POP3 deletes it (DELETE) or keeps it (KEEP: its UIDL, stored with the message, is
-- what stops it being imported or even downloaded again).
alter table mailbox add column after_import varchar(10) default 'MARK_READ' not null;
alter table mailbox add constraint mailbox_after_import_ck check (after_import in ('MARK_READ', 'DELETE', 'KEEP'));

-- When the mailbox is next due (null: at once, e.g. new or just edited).
alter table mailbox add column next_poll_at timestamp with time zone;

-- A node polling the mailbox holds it until this time (a conditional update claims it), so two nodes never
-- poll the same mailbox at once; a node that dies mid-poll lets the claim run out.
alter table mailbox add column poll_claimed_until timestamp with time zone;
