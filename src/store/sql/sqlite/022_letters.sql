-- The letters and the report pack (issue 14 items 2-4): the letters
-- uploaded as PDF (a special consultation's letter and answer, the
-- oversight body's recommendation, the appointment decree, a binding
-- recommendation's follow-up), each file kept outside the database under
-- its SHA-256; the report pack's PDF documents made and signed at the
-- sending; the copies of the report (tembusan) with their dispatch; the
-- follow-up of a binding recommendation.  Kept as recorded: never
-- changed, never deleted.
CREATE TABLE letter_file (
	id		INTEGER PRIMARY KEY,
	selection_id	INTEGER NOT NULL REFERENCES selection(id),
	-- what it is the letter of: "consult:VACANCY:RULE:ACT",
	-- "recommendation", "decree:VACANCY", "followup"
	ref		TEXT NOT NULL,
	sha256		TEXT NOT NULL,
	size		INTEGER NOT NULL,
	name		TEXT NOT NULL,		-- safe: made by the server
	uploaded_at	TEXT NOT NULL,
	uploaded_by	TEXT NOT NULL,
	account_id	INTEGER NOT NULL REFERENCES account(id),
	UNIQUE (selection_id, ref)
);
CREATE TRIGGER letter_file_no_update BEFORE UPDATE ON letter_file
BEGIN SELECT RAISE(ABORT, 'a letter is kept as uploaded'); END;
CREATE TRIGGER letter_file_no_delete BEFORE DELETE ON letter_file
BEGIN SELECT RAISE(ABORT, 'a letter is kept as uploaded'); END;

CREATE TABLE report_doc (
	selection_id	INTEGER NOT NULL REFERENCES selection(id),
	seq		INTEGER NOT NULL,	-- the pack's order
	name		TEXT NOT NULL,		-- "minutes-paper.pdf"
	title		TEXT NOT NULL,
	sha256		TEXT NOT NULL,		-- of the PDF's bytes
	size		INTEGER NOT NULL,
	signature	TEXT NOT NULL,		-- a signed note; '' unsigned
	PRIMARY KEY (selection_id, name)
);
CREATE TRIGGER report_doc_no_update BEFORE UPDATE ON report_doc
BEGIN SELECT RAISE(ABORT, 'the report sent is never changed'); END;
CREATE TRIGGER report_doc_no_delete BEFORE DELETE ON report_doc
BEGIN SELECT RAISE(ABORT, 'the report sent is never changed'); END;

CREATE TABLE report_copy (
	selection_id	INTEGER NOT NULL REFERENCES selection(id),
	recipient	TEXT NOT NULL,		-- as the profile names it
	dispatched_on	TEXT NOT NULL,
	means		TEXT NOT NULL,
	number		TEXT NOT NULL,
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	account_id	INTEGER NOT NULL REFERENCES account(id),
	PRIMARY KEY (selection_id, recipient)
);
CREATE TRIGGER report_copy_no_update BEFORE UPDATE ON report_copy
BEGIN SELECT RAISE(ABORT, 'a dispatch is kept as recorded'); END;
CREATE TRIGGER report_copy_no_delete BEFORE DELETE ON report_copy
BEGIN SELECT RAISE(ABORT, 'a dispatch is kept as recorded'); END;

CREATE TABLE rec_followup (
	selection_id	INTEGER PRIMARY KEY REFERENCES selection(id),
	action		TEXT NOT NULL,		-- what was done
	done_on		TEXT NOT NULL,
	letter_no	TEXT NOT NULL,
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	account_id	INTEGER NOT NULL REFERENCES account(id)
);
CREATE TRIGGER rec_followup_no_update BEFORE UPDATE ON rec_followup
BEGIN SELECT RAISE(ABORT, 'a follow-up is kept as recorded'); END;
CREATE TRIGGER rec_followup_no_delete BEFORE DELETE ON rec_followup
BEGIN SELECT RAISE(ABORT, 'a follow-up is kept as recorded'); END;
