-- 001_init: regions, accounts, grants, sessions, selections and their
-- preparation, and the audit trail.  Times are UTC ISO-8601 text
-- ("2026-11-23T10:15:00Z"), dates are ISO dates; both compare as text.
--
-- PostgreSQL (docs/postgresql.md): the same tables as sql/sqlite/, with
-- BIGINT for INTEGER and BYTEA for BLOB.  An id is SQLite's rowid: the
-- largest so far plus one (selter_next_id; writers hold the store's lock),
-- so both stores number rows alike.  SQLite's RAISE(ABORT) triggers are
-- selter_refuse, an integrity violation (SQLSTATE 23000) as in SQLite.

CREATE FUNCTION selter_next_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.id IS NULL THEN
		EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I.%I',
		    TG_TABLE_SCHEMA, TG_TABLE_NAME) INTO NEW.id;
	END IF;
	RETURN NEW;
END $$;

-- SQLite's group_concat(value, separator), which the store's SQL uses
-- (the order of the values is unspecified in both).
CREATE FUNCTION selter_concat(acc TEXT, v TEXT, sep TEXT) RETURNS TEXT
	LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL THEN v
	    ELSE acc || sep || v END $$;
CREATE AGGREGATE group_concat(TEXT, TEXT) (SFUNC = selter_concat,
	STYPE = TEXT);

CREATE FUNCTION selter_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '%', TG_ARGV[0]
	    USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TABLE region (
	id		BIGINT PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE,	-- "demak": URL and login scope
	name		TEXT NOT NULL,		-- "Pemerintah Kabupaten Demak"
	profile_id	TEXT NOT NULL,		-- profiles/<id>.json
	oversight	TEXT NOT NULL,		-- the oversight body's name: "BKN"
	secretariat	TEXT NOT NULL DEFAULT ''	-- address, telephone
);

CREATE TABLE account (
	id		BIGINT PRIMARY KEY,
	login		TEXT NOT NULL UNIQUE,
	name		TEXT NOT NULL,
	email		TEXT NOT NULL DEFAULT '',
	pwhash		TEXT NOT NULL,		-- argon2id, libsodium's string
	is_admin	BIGINT NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
	created_at	TEXT NOT NULL
);

-- A role in one selection, or in every selection of a region when
-- selection_id is 0 (0 rather than NULL keeps UNIQUE meaningful).
CREATE TABLE grant_role (
	id		BIGINT PRIMARY KEY,
	account_id	BIGINT NOT NULL REFERENCES account(id),
	region_id	BIGINT NOT NULL REFERENCES region(id),
	selection_id	BIGINT NOT NULL DEFAULT 0,
	role		TEXT NOT NULL CHECK (role IN ('secretariat', 'chair',
			    'member', 'assessor', 'narasumber', 'pyb', 'ppk',
			    'oversight', 'applicant')),
	UNIQUE (account_id, region_id, selection_id, role)
);

-- Server-side sessions: the cookie holds a random token, the store only
-- its SHA-256, so a copy of the database opens no session.
CREATE TABLE session (
	token_hash	BYTEA PRIMARY KEY,
	account_id	BIGINT NOT NULL REFERENCES account(id),
	csrf		TEXT NOT NULL,
	created_at	BIGINT NOT NULL,	-- Unix seconds
	expires_at	BIGINT NOT NULL
);
CREATE INDEX session_account ON session(account_id);

-- Failed logins per key ("login:budi", "ip:127.0.0.1") for throttling.
CREATE TABLE login_fail (
	key		TEXT PRIMARY KEY,
	count		BIGINT NOT NULL,
	first_at	BIGINT NOT NULL
);

CREATE TABLE selection (
	id		BIGINT PRIMARY KEY,
	region_id	BIGINT NOT NULL REFERENCES region(id),
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
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	stage		TEXT NOT NULL,
	starts_on	TEXT NOT NULL,
	ends_on		TEXT NOT NULL,
	method		TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (selection_id, stage)
);

CREATE TABLE vacancy (
	id		BIGINT PRIMARY KEY,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
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
	id		BIGINT PRIMARY KEY,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	name		TEXT NOT NULL,
	origin		TEXT NOT NULL,
	echelon		TEXT NOT NULL DEFAULT '',
	chair		BIGINT NOT NULL DEFAULT 0,
	assessor	BIGINT NOT NULL DEFAULT 0,
	decl		TEXT NOT NULL DEFAULT '',	-- declarations made, ';'
	conflict	TEXT NOT NULL DEFAULT ''
);

-- The audit trail: append-only, each event chained to the one before by
-- SHA-256 (store/audit.c has the exact bytes hashed).
CREATE TABLE event (
	id		BIGINT PRIMARY KEY,
	at		TEXT NOT NULL,
	actor_id	BIGINT NOT NULL,	-- 0: the system
	actor		TEXT NOT NULL,		-- name and role at the time
	selection_id	BIGINT NOT NULL,	-- 0: none
	action		TEXT NOT NULL,
	before		TEXT NOT NULL,		-- JSON
	after		TEXT NOT NULL,		-- JSON
	rules		TEXT NOT NULL,		-- JSON: [{"id", "citation"}]
	prev		BYTEA NOT NULL,
	hash		BYTEA NOT NULL
);
CREATE INDEX event_selection ON event(selection_id, id);
CREATE TRIGGER event_no_update BEFORE UPDATE ON event FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('audit events are append-only');
CREATE TRIGGER event_no_delete BEFORE DELETE ON event FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('audit events are append-only');
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER region_next_id BEFORE INSERT ON region FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
CREATE TRIGGER account_next_id BEFORE INSERT ON account FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
CREATE TRIGGER grant_role_next_id BEFORE INSERT ON grant_role FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
CREATE TRIGGER selection_next_id BEFORE INSERT ON selection FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
CREATE TRIGGER vacancy_next_id BEFORE INSERT ON vacancy FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
CREATE TRIGGER member_next_id BEFORE INSERT ON member FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
