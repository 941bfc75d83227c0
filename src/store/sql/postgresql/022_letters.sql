-- The letters and the report pack (issue 14 items 2-4): the letters
-- uploaded as PDF (a special consultation's letter and answer, the
-- oversight body's recommendation, the appointment decree, a binding
-- recommendation's follow-up), each file kept outside the database under
-- its SHA-256; the report pack's PDF documents made and signed at the
-- sending; the copies of the report (tembusan) with their dispatch; the
-- follow-up of a binding recommendation.  Kept as recorded: never
-- changed, never deleted.
CREATE TABLE letter_file (
	id		BIGINT PRIMARY KEY,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	-- what it is the letter of: "consult:VACANCY:RULE:ACT",
	-- "recommendation", "decree:VACANCY", "followup"
	ref		TEXT NOT NULL,
	sha256		TEXT NOT NULL,
	size		BIGINT NOT NULL,
	name		TEXT NOT NULL,		-- safe: made by the server
	uploaded_at	TEXT NOT NULL,
	uploaded_by	TEXT NOT NULL,
	account_id	BIGINT NOT NULL REFERENCES account(id),
	UNIQUE (selection_id, ref)
);
CREATE TRIGGER letter_file_no_update BEFORE UPDATE ON letter_file FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a letter is kept as uploaded');
CREATE TRIGGER letter_file_no_delete BEFORE DELETE ON letter_file FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a letter is kept as uploaded');

CREATE TABLE report_doc (
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	seq		BIGINT NOT NULL,	-- the pack's order
	name		TEXT NOT NULL,		-- "minutes-paper.pdf"
	title		TEXT NOT NULL,
	sha256		TEXT NOT NULL,		-- of the PDF's bytes
	size		BIGINT NOT NULL,
	signature	TEXT NOT NULL,		-- a signed note; '' unsigned
	PRIMARY KEY (selection_id, name)
);
CREATE TRIGGER report_doc_no_update BEFORE UPDATE ON report_doc FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('the report sent is never changed');
CREATE TRIGGER report_doc_no_delete BEFORE DELETE ON report_doc FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('the report sent is never changed');

CREATE TABLE report_copy (
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	recipient	TEXT NOT NULL,		-- as the profile names it
	dispatched_on	TEXT NOT NULL,
	means		TEXT NOT NULL,
	number		TEXT NOT NULL,
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	account_id	BIGINT NOT NULL REFERENCES account(id),
	PRIMARY KEY (selection_id, recipient)
);
CREATE TRIGGER report_copy_no_update BEFORE UPDATE ON report_copy FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a dispatch is kept as recorded');
CREATE TRIGGER report_copy_no_delete BEFORE DELETE ON report_copy FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a dispatch is kept as recorded');

CREATE TABLE rec_followup (
	selection_id	BIGINT PRIMARY KEY REFERENCES selection(id),
	action		TEXT NOT NULL,		-- what was done
	done_on		TEXT NOT NULL,
	letter_no	TEXT NOT NULL,
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	account_id	BIGINT NOT NULL REFERENCES account(id)
);
CREATE TRIGGER rec_followup_no_update BEFORE UPDATE ON rec_followup FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a follow-up is kept as recorded');
CREATE TRIGGER rec_followup_no_delete BEFORE DELETE ON rec_followup FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a follow-up is kept as recorded');
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER letter_file_next_id BEFORE INSERT ON letter_file FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
