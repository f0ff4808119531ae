-- Routing (docs/routing.md): per-team assignment strategies, agents' availability, shifts, capacity and
-- skills. Portable SQL (docs/database.md).

-- An agent without a row is online, has no cap and no shift: routing works the day it is installed, and
-- an admin only writes rows for the agents whose defaults do not fit. A shift is all three columns or
-- none (a time of day means nothing without its zone); start > end is an overnight shift (22:00–06:00).
create table agent_availability (
    agent_id     bigint       primary key references agent (id) on delete cascade,
    status       varchar(10)  not null,
    capacity     integer,
    shift_start  time,
    shift_end    time,
    shift_zone   varchar(60),
    updated_at   timestamp with time zone not null,
    constraint agent_availability_status_ck check (status in ('ONLINE', 'AWAY', 'OFFLINE')),
    constraint agent_availability_capacity_ck check (capacity is null or capacity >= 0),
    constraint agent_availability_shift_ck check (
        (shift_start is null and shift_end is null and shift_zone is null)
        or (shift_start is not null and shift_end is not null and shift_zone is not null
            and shift_start <> shift_end))
);

-- Skills and languages as lower-case words (billing, lang:de). The skill-first index answers "who speaks
-- German" for admins; routing reads by agent through the primary key.
create table agent_skill (
    agent_id bigint      not null references agent (id) on delete cascade,
    skill    varchar(60) not null,
    primary key (agent_id, skill)
);
create index agent_skill_skill_idx on agent_skill (skill, agent_id);

-- A team without a row is routed manually. The row is also the team's routing lock: choosing an agent
-- reads it with FOR UPDATE, so two tickets arriving at once are routed one after the other and the second
-- sees the first's assignment (docs/routing.md). last_agent_id is where round robin continues.
create table team_assignment (
    team_id       bigint       primary key references team (id) on delete cascade,
    strategy      varchar(20)  not null,
    last_agent_id bigint       references agent (id) on delete set null,
    updated_at    timestamp with time zone not null,
    constraint team_assignment_strategy_ck check (strategy in ('MANUAL', 'ROUND_ROBIN', 'LEAST_LOADED', 'SKILLS'))
);
