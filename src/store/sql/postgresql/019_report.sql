-- The report to the oversight body (issue 14 item 3: APPT-KASN-REPORT,
-- APPT-REPORT): the report pack sent (its JSON kept with its SHA-256),
-- and the oversight body's recommendation, recorded by its own role or by
-- the secretariat from the letter received.  Kept as recorded.
CREATE TABLE report_sent (
	selection_id	BIGINT PRIMARY KEY REFERENCES selection(id),
	letter_no	TEXT NOT NULL,
	letter_on	TEXT NOT NULL,
	body		TEXT NOT NULL,		-- the pack, docs/report-format.md
	sha256		TEXT NOT NULL,
	sent_at		TEXT NOT NULL,
	sent_by		TEXT NOT NULL,
	account_id	BIGINT NOT NULL REFERENCES account(id)
);
CREATE TRIGGER report_sent_no_update BEFORE UPDATE ON report_sent FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('the report sent is never changed');
CREATE TRIGGER report_sent_no_delete BEFORE DELETE ON report_sent FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('the report sent is never changed');

CREATE TABLE recommendation (
	selection_id	BIGINT PRIMARY KEY REFERENCES selection(id),
	verdict		TEXT NOT NULL CHECK (verdict IN ('recommended',
			    'with_notes', 'not_recommended')),
	letter_no	TEXT NOT NULL,
	letter_on	TEXT NOT NULL,
	text		TEXT NOT NULL,
	binding		BIGINT NOT NULL CHECK (binding IN (0, 1)),
	recorded_role	TEXT NOT NULL CHECK (recorded_role IN ('oversight',
			    'secretariat')),
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	account_id	BIGINT NOT NULL REFERENCES account(id)
);
CREATE TRIGGER recommendation_no_update BEFORE UPDATE ON recommendation FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a recommendation is kept as recorded');
CREATE TRIGGER recommendation_no_delete BEFORE DELETE ON recommendation FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a recommendation is kept as recorded');
