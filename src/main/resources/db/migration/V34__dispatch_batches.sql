-- A row of channel_send_start may now stand for several starts: an instance reserves a small block of a fast
-- channel's limit at once and hands it out itself (vn.herald.publishing.RateLimits), instead of locking the
-- channel's row for every send.
alter table channel_send_start add column starts integer not null default 1;

-- The pollers look for entries not picked and due, earliest first: with this index they skip the picked ones of a
-- burst instead of reading them again on every poll.
create index scheduled_tasks_unpicked_due on scheduled_tasks(picked, execution_time);
