-- Tenure (issue 14 item 5, REGULATIONS.md §13): an appointed official's
-- term is its appointment's row (020_appoint.sql, keyed by vacancy);
-- these keep what is recorded during it.  Kept as recorded.
-- TEN-EVAL: the extension evaluation team (1 external, 2 internal).
CREATE TABLE term_team (
	vacancy_id	BIGINT PRIMARY KEY REFERENCES appointment(vacancy_id),
	formed_on	TEXT NOT NULL,
	letter_no	TEXT NOT NULL,		-- the PPK's decree forming it
	members		TEXT NOT NULL,		-- "e:NAME\ni:NAME\ni:NAME"
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	account_id	BIGINT NOT NULL REFERENCES account(id)
);
-- TEN-5Y: the PPK's decision on the extension.
CREATE TABLE term_outcome (
	vacancy_id	BIGINT PRIMARY KEY REFERENCES appointment(vacancy_id),
	extended	BIGINT NOT NULL CHECK (extended IN (0, 1)),
	letter_no	TEXT NOT NULL,
	letter_on	TEXT NOT NULL,
	note		TEXT NOT NULL,
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	account_id	BIGINT NOT NULL REFERENCES account(id)
);
-- TEN-PERF: a year's performance result, or the result after the
-- 6 months to improve (year 0).
CREATE TABLE term_perf (
	id		BIGINT PRIMARY KEY,
	vacancy_id	BIGINT NOT NULL REFERENCES appointment(vacancy_id),
	kind		TEXT NOT NULL CHECK (kind IN ('year', 'improve')),
	year		BIGINT NOT NULL,
	met		BIGINT NOT NULL CHECK (met IN (0, 1)),
	assessed_on	TEXT NOT NULL,
	note		TEXT NOT NULL,
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	account_id	BIGINT NOT NULL REFERENCES account(id)
);
CREATE INDEX term_perf_vacancy ON term_perf (vacancy_id);
-- TEN-MUTATION: a move to another JPT post (it ends the term).
CREATE TABLE term_move (
	vacancy_id	BIGINT PRIMARY KEY REFERENCES appointment(vacancy_id),
	moved_on	TEXT NOT NULL,
	to_post		TEXT NOT NULL,
	decree_no	TEXT NOT NULL,
	coordination	TEXT NOT NULL,		-- the oversight body's letter
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	account_id	BIGINT NOT NULL REFERENCES account(id)
);
-- The end of the term.
CREATE TABLE term_end (
	vacancy_id	BIGINT PRIMARY KEY REFERENCES appointment(vacancy_id),
	ended_on	TEXT NOT NULL,		-- the last day in the post
	reason		TEXT NOT NULL CHECK (reason IN ('completed',
			    'moved', 'replaced', 'dismissed', 'retired',
			    'resigned', 'deceased')),
	exception	BIGINT NOT NULL CHECK (exception IN (0, 1)),
	note		TEXT NOT NULL,
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	account_id	BIGINT NOT NULL REFERENCES account(id)
);
-- The reminders queued in the outbox: one per mark and window, once.
CREATE TABLE term_reminder (
	vacancy_id	BIGINT NOT NULL REFERENCES appointment(vacancy_id),
	mark		TEXT NOT NULL,		-- "5y:2031-11-22"
	days		BIGINT NOT NULL,	-- the window: 90, 30 or 7
	queued_at	TEXT NOT NULL,
	PRIMARY KEY (vacancy_id, mark, days)
);
CREATE TRIGGER term_team_no_update BEFORE UPDATE ON term_team FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a term is kept as recorded');
CREATE TRIGGER term_team_no_delete BEFORE DELETE ON term_team FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a term is kept as recorded');
CREATE TRIGGER term_outcome_no_update BEFORE UPDATE ON term_outcome FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a term is kept as recorded');
CREATE TRIGGER term_outcome_no_delete BEFORE DELETE ON term_outcome FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a term is kept as recorded');
CREATE TRIGGER term_perf_no_update BEFORE UPDATE ON term_perf FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a term is kept as recorded');
CREATE TRIGGER term_perf_no_delete BEFORE DELETE ON term_perf FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a term is kept as recorded');
CREATE TRIGGER term_move_no_update BEFORE UPDATE ON term_move FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a term is kept as recorded');
CREATE TRIGGER term_move_no_delete BEFORE DELETE ON term_move FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a term is kept as recorded');
CREATE TRIGGER term_end_no_update BEFORE UPDATE ON term_end FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a term is kept as recorded');
CREATE TRIGGER term_end_no_delete BEFORE DELETE ON term_end FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a term is kept as recorded');
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER term_perf_next_id BEFORE INSERT ON term_perf FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
