-- 002_applications: applicants and their record, one-time tokens (e-mail
-- confirmation, password reset), applications, the e-mail outbox.

-- How many vacancies of one selection an applicant may apply to (the plan).
ALTER TABLE selection ADD COLUMN max_apps BIGINT NOT NULL DEFAULT 1
	CHECK (max_apps BETWEEN 1 AND 20);

-- An applicant's account: login is the NIP.  The NIP's gender digit is
-- never stored apart from it, nor read (REGULATIONS.md §14).
CREATE TABLE applicant (
	account_id	BIGINT PRIMARY KEY REFERENCES account(id),
	nip		TEXT NOT NULL UNIQUE,
	birth_date	TEXT NOT NULL,		-- agrees with NIP digits 1-8
	tmt_cpns	TEXT NOT NULL,		-- YYYY-MM: NIP digits 9-14
	confirmed_at	TEXT NOT NULL DEFAULT '',	-- e-mail confirmed
	record		TEXT NOT NULL DEFAULT '',	-- CONTRACT.md CANDIDATE.json
	record_at	TEXT NOT NULL DEFAULT ''
);

-- One-time tokens sent by e-mail; the store keeps only their SHA-256.
CREATE TABLE onetime (
	hash		BYTEA PRIMARY KEY,
	account_id	BIGINT NOT NULL REFERENCES account(id),
	purpose		TEXT NOT NULL CHECK (purpose IN ('confirm', 'reset')),
	expires_at	BIGINT NOT NULL
);

CREATE TABLE application (
	id		BIGINT PRIMARY KEY,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	vacancy_id	BIGINT NOT NULL REFERENCES vacancy(id),
	account_id	BIGINT NOT NULL REFERENCES account(id),
	state		TEXT NOT NULL CHECK (state IN ('submitted', 'withdrawn')),
	reg_no		TEXT NOT NULL UNIQUE,
	submitted_at	TEXT NOT NULL,
	withdrawn_at	TEXT NOT NULL DEFAULT '',
	record		TEXT NOT NULL,		-- frozen at submission
	verdict		TEXT NOT NULL,		-- the core's, at submission
	rules		TEXT NOT NULL,		-- JSON, with citations
	UNIQUE (vacancy_id, account_id)
);
CREATE INDEX application_selection ON application(selection_id, vacancy_id);
CREATE INDEX application_account ON application(account_id);

-- Every notification, written in the transaction of what it reports; a
-- sender delivers it later and retries (sent_at 0: not yet).
CREATE TABLE outbox (
	id		BIGINT PRIMARY KEY,
	to_addr		TEXT NOT NULL,
	subject		TEXT NOT NULL,
	body		TEXT NOT NULL,
	created_at	BIGINT NOT NULL,
	next_at		BIGINT NOT NULL,	-- not before (Unix seconds)
	attempts	BIGINT NOT NULL DEFAULT 0,
	sent_at		BIGINT NOT NULL DEFAULT 0,
	last_error	TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox(sent_at, next_at);
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER application_next_id BEFORE INSERT ON application FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
CREATE TRIGGER outbox_next_id BEFORE INSERT ON outbox FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
