-- 001_init: regions, accounts, grants, sessions, selections and their
-- preparation, and the audit trail.  Times are UTC ISO-8601 text
-- ("2026-11-23T10:15:00Z"), dates are ISO dates; both compare as text.

CREATE TABLE region (
	id		INTEGER PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE,	-- "demak": URL and login scope
	name		TEXT NOT NULL,		-- "Pemerintah Kabupaten Demak"
	profile_id	TEXT NOT NULL,		-- profiles/<id>.json
	oversight	TEXT NOT NULL,		-- the oversight body's name: "BKN"
	secretariat	TEXT NOT NULL DEFAULT ''	-- address, telephone
);

CREATE TABLE account (
	id		INTEGER PRIMARY KEY,
	login		TEXT NOT NULL UNIQUE,
	name		TEXT NOT NULL,
	email		TEXT NOT NULL DEFAULT '',
	pwhash		TEXT NOT NULL,		-- argon2id, libsodium's string
	is_admin	INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
	created_at	TEXT NOT NULL
);

-- A role in one selection, or in every selection of a region when
-- selection_id is 0 (0 rather than NULL keeps UNIQUE meaningful).
CREATE TABLE grant_role (
	id		INTEGER PRIMARY KEY,
	account_id	INTEGER NOT NULL REFERENCES account(id),
	region_id	INTEGER NOT NULL REFERENCES region(id),
	selection_id	INTEGER NOT NULL DEFAULT 0,
	role		TEXT NOT NULL CHECK (role IN ('secretariat', 'chair',
			    'member', 'assessor', 'narasumber', 'pyb', 'ppk',
			    'oversight', 'applicant')),
	UNIQUE (account_id, region_id, selection_id, role)
);

-- Server-side sessions: the cookie holds a random token, the store only
-- its SHA-256, so a copy of the database opens no session.
CREATE TABLE session (
	token_hash	BLOB PRIMARY KEY,
	account_id	INTEGER NOT NULL REFERENCES account(id),
	csrf		TEXT NOT NULL,
	created_at	INTEGER NOT NULL,	-- Unix seconds
	expires_at	INTEGER NOT NULL
);
CREATE INDEX session_account ON session(account_id);

-- Failed logins per key ("login:budi", "ip:127.0.0.1") for throttling.
CREATE TABLE login_fail (
	key		TEXT PRIMARY KEY,
	count		INTEGER NOT NULL,
	first_at	INTEGER NOT NULL
);

CREATE TABLE selection (
	id		INTEGER PRIMARY KEY,
	region_id	INTEGER NOT NULL REFERENCES region(id),
	title		TEXT NOT NULL,
	state		TEXT NOT NULL DEFAULT 'preparing'
			CHECK (state IN ('preparing', 'published')),
	created_at	TEXT NOT NULL,
	-- VAC-PLAN
	plan_duties	TEXT NOT NULL DEFAULT '',
	plan_standard	TEXT NOT NULL DEFAULT '',
	plan_methods	TEXT NOT NULL DEFAULT '',
	plan_system	TEXT NOT NULL DEFAULT '',
	weights		TEXT NOT NULL DEFAULT '',	-- "paper=10;..."
	plan_sent_on	TEXT NOT NULL DEFAULT '',	-- date sent to oversight
	plan_sent_ref	TEXT NOT NULL DEFAULT '',	-- letter number
	rec_on		TEXT NOT NULL DEFAULT '',	-- recommendation date
	rec_ref		TEXT NOT NULL DEFAULT '',
	rec_text	TEXT NOT NULL DEFAULT '',
	-- VAC-INSPEKTUR
	consult_on	TEXT NOT NULL DEFAULT '',
	consult_ref	TEXT NOT NULL DEFAULT '',
	committee_ok_on	TEXT NOT NULL DEFAULT '',	-- confirmed by the PPK
	committee_ref	TEXT NOT NULL DEFAULT '',	-- the PPK's decree
	-- the announcement
	ann_number	TEXT NOT NULL DEFAULT '',
	ann_items	TEXT NOT NULL DEFAULT '',	-- ANN-CONTENT ids, ';'
	ann_text	TEXT NOT NULL DEFAULT '',
	ann_open	TEXT NOT NULL DEFAULT '',
	ann_close	TEXT NOT NULL DEFAULT '',
	published_at	TEXT NOT NULL DEFAULT '',
	signed_by	TEXT NOT NULL DEFAULT ''	-- the chair's name
);

CREATE TABLE selection_stage (
	selection_id	INTEGER NOT NULL REFERENCES selection(id),
	stage		TEXT NOT NULL,
	starts_on	TEXT NOT NULL,
	ends_on		TEXT NOT NULL,
	method		TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (selection_id, stage)
);

CREATE TABLE vacancy (
	id		INTEGER PRIMARY KEY,
	selection_id	INTEGER NOT NULL REFERENCES selection(id),
	title		TEXT NOT NULL,
	agency		TEXT NOT NULL,
	level		TEXT NOT NULL,
	echelon		TEXT NOT NULL,
	kind		TEXT NOT NULL DEFAULT 'other',
	field		TEXT NOT NULL DEFAULT '',
	reason		TEXT NOT NULL,
	reason_note	TEXT NOT NULL DEFAULT ''
);

CREATE TABLE member (
	id		INTEGER PRIMARY KEY,
	selection_id	INTEGER NOT NULL REFERENCES selection(id),
	name		TEXT NOT NULL,
	origin		TEXT NOT NULL,
	echelon		TEXT NOT NULL DEFAULT '',
	chair		INTEGER NOT NULL DEFAULT 0,
	assessor	INTEGER NOT NULL DEFAULT 0,
	decl		TEXT NOT NULL DEFAULT '',	-- declarations made, ';'
	conflict	TEXT NOT NULL DEFAULT ''
);

-- The audit trail: append-only, each event chained to the one before by
-- SHA-256 (store/audit.c has the exact bytes hashed).
CREATE TABLE event (
	id		INTEGER PRIMARY KEY,
	at		TEXT NOT NULL,
	actor_id	INTEGER NOT NULL,	-- 0: the system
	actor		TEXT NOT NULL,		-- name and role at the time
	selection_id	INTEGER NOT NULL,	-- 0: none
	action		TEXT NOT NULL,
	before		TEXT NOT NULL,		-- JSON
	after		TEXT NOT NULL,		-- JSON
	rules		TEXT NOT NULL,		-- JSON: [{"id", "citation"}]
	prev		BLOB NOT NULL,
	hash		BLOB NOT NULL
);
CREATE INDEX event_selection ON event(selection_id, id);
CREATE TRIGGER event_no_update BEFORE UPDATE ON event
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER event_no_delete BEFORE DELETE ON event
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
