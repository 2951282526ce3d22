-- A programme dropped into a loudspeaker folder used to record the folder's file: URL as the place it was published,
-- and reports, pages and the API showed that path of the server. The session's id (external_id) says where it went.
update publication set external_url = null where external_url like 'file:%';
