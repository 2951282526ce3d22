-- An upload a platform keeps open across calls (a YouTube resumable session, a TikTok publish id), written the moment
-- the platform hands it out and before a byte of the video is sent: after a crash or a cut, the next attempt resumes
-- or looks it up instead of making a second video. One per publication; forgotten once the publication has its result.
create table upload_session (
    publication_id bigint       not null primary key references publication(id),
    channel_id     varchar(64)  not null,
    reference      text         not null,
    started_at     timestamp with time zone not null
);
