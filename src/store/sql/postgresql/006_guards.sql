-- 006_guards: a committee member's pass of an applicant the core does not
-- find eligible, or whose file is not complete (issue 10 item 5): the
-- override, with its reason and the rules it overrides, shown on the
-- queue, the application's page and in the trail.  One row per
-- application, for its current decision; a later decision that needs no
-- override removes it (the trail keeps every one).
CREATE TABLE adm_override (
	application_id	BIGINT PRIMARY KEY REFERENCES application(id),
	rules		TEXT NOT NULL,	-- "ELIG-AGE, ADM-COMPLETE"
	reason		TEXT NOT NULL,
	overridden_by	TEXT NOT NULL,
	overridden_at	TEXT NOT NULL
);
