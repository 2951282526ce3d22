-- Reports and the province overview read a unit's publications by planned time.
create index publication_unit_planned on publication(unit_code, planned_at);
