-- Agents choose whether their notifications (mentions, assignments) also come by email
-- (docs/collision-and-notifications.md). No row: yes, as help desks do by default.
create table notification_preference (
    agent_id     bigint   not null primary key references agent (id) on delete cascade,
    email        boolean  not null,
    updated_at   timestamp with time zone not null
);
