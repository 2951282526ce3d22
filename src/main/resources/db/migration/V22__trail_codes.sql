-- The audit trails keep what happened as a code and its values (instants in UTC, numbers, ids); the sentence a person
-- reads is made from the message bundle when a page is shown. reason keeps only words meant for people: a rejection's
-- or cancellation's reason as typed, or a platform's explanation.
alter table piece_event add column code varchar(40);
alter table piece_event add column data text;
alter table publication_event add column code varchar(40);
alter table publication_event add column data text;

-- the earlier rows whose reason was only a code
update piece_event set code = 'created', reason = null where reason = 'created';
update piece_event set code = 'edited', reason = null where reason = 'edited';
update piece_event set code = 'file-changed', reason = null where reason = 'file changed';
update publication_event set code = 'scheduled', reason = null where reason = 'scheduled';
update publication_event set code = 'cancelled', reason = null where reason = 'cancelled';
update publication_event set code = 'piece-archived', reason = null where reason = 'the piece was archived';
update publication_event set code = 'dry-run', reason = null where reason like 'dry-run: not sent%';
