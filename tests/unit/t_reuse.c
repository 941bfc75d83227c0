/*
 * t_reuse.c - the STG-REUSE tests' seeded rows (t_reuse.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>


#include "t_reuse.h"
#include "base/banned.h"

void
sql(struct fx *f, const char *text)
{
	fx_sql(f, text);
}

int64_t
count(struct fx *f, const char *query)
{
	return fx_sql_i64(f, query);
}

/*
 * Region 50 on pekalongan-2022 (STG-REUSE, 3 years), region 52 on its
 * Covid profile, region 51 on demak-2022 (none), the demo secretariat
 * granted in each, the chair of the new selection; two applicants, both
 * candidates of the old selection's and the new selection's assessment.
 */
void
seed_region(struct fx *f)
{
	sql(f, "INSERT INTO region (id, code, name, profile_id, oversight) "
	    "VALUES (50, 'pekalongan', 'Pemerintah Kota Pekalongan', "
	    "'pekalongan-2022', 'KASN'), (51, 'demakb', 'Pemerintah Kabupaten "
	    "Demak B', 'demak-2022', 'BKN'), (52, 'batang', 'Pemerintah "
	    "Kabupaten Batang', 'pekalongan-2022-covid', 'KASN');"
	    "INSERT INTO grant_role (account_id, region_id, selection_id, role) "
	    "SELECT id, r, 0, 'secretariat' FROM account, (SELECT 50 r UNION "
	    "SELECT 51 UNION SELECT 52) AS x WHERE login = 'sekretariat';"
	    "INSERT INTO grant_role (account_id, region_id, selection_id, role) "
	    "SELECT id, 50, 501, 'chair' FROM account WHERE login = 'ketua';"
	    "INSERT INTO grant_role (account_id, region_id, selection_id, role) "
	    "SELECT id, 50, 501, 'member' FROM account WHERE login = 'anggota';"
	    "INSERT INTO grant_role (account_id, region_id, selection_id, role) "
	    "SELECT id, 50, 0, 'oversight' FROM account WHERE login = "
	    "'pengawas';"
	    "INSERT INTO selection (id, region_id, title, state, created_at, "
	    "published_at, adm_published_at) VALUES "
	    "(500, 50, 'Seleksi JPT Pratama 2024', 'published', "
	    "'2024-01-02T00:00:00Z', '2024-01-03T00:00:00Z', "
	    "'2024-02-20T00:00:00Z'), "
	    "(501, 50, 'Seleksi JPT Pratama 2026', 'published', "
	    "'2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z', "
	    "'2026-11-20T00:00:00Z'), "
	    "(502, 51, 'Seleksi Demak 2026', 'published', "
	    "'2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z', "
	    "'2026-11-20T00:00:00Z');"
	    "INSERT INTO selection_stage (selection_id, stage, starts_on, "
	    "ends_on, provider) VALUES (500, 'assessment', '2024-03-04', "
	    "'2024-03-05', 'UPT Penilaian Kompetensi BKD Jawa Tengah'), "
	    "(500, 'interview', '2024-03-11', '2024-03-11', ''), "
	    "(501, 'assessment', '2026-12-21', '2026-12-22', ''), "
	    "(502, 'assessment', '2026-12-21', '2026-12-22', '');"
	    "INSERT INTO vacancy (id, selection_id, title, agency, level, "
	    "echelon, kind, reason) VALUES (600, 500, 'Kepala Dinas Kesehatan',"
	    " 'Pemerintah Kota Pekalongan', 'jpt_pratama', 'II.b', "
	    "'agency_head', 'pensiun'), (601, 501, 'Kepala Dinas Pendidikan', "
	    "'Pemerintah Kota Pekalongan', 'jpt_pratama', 'II.b', "
	    "'agency_head', 'pensiun'), (602, 502, 'Kepala Dinas Sosial', "
	    "'Pemerintah Kabupaten Demak', 'jpt_pratama', 'II.b', "
	    "'agency_head', 'pensiun');"
	    "INSERT INTO account (id, login, name, pwhash, created_at) VALUES "
	    "(900, '" BUDI_NIP "', 'Budi Santoso', 'x', '2024-01-05T00:00:00Z'),"
	    " (901, '" SARI_NIP "', 'Sari Dewi', 'x', '2024-01-05T00:00:00Z');"
	    "INSERT INTO applicant (account_id, nip, birth_date, tmt_cpns) "
	    "VALUES (900, '" BUDI_NIP "', '1990-01-01', '2015-03'), (901, '"
	    SARI_NIP "', '1985-02-02', '2010-01');"
	    "INSERT INTO application (id, selection_id, vacancy_id, account_id,"
	    " state, reg_no, submitted_at, record, verdict, rules) VALUES "
	    "(700, 500, 600, 900, 'submitted', 'PKL-2024-1', "
	    "'2024-01-10T00:00:00Z', '{}', 'eligible', '[]'), "
	    "(701, 500, 600, 901, 'submitted', 'PKL-2024-2', "
	    "'2024-01-10T00:00:00Z', '{}', 'eligible', '[]'), "
	    "(710, 501, 601, 900, 'submitted', 'PKL-2026-1', "
	    "'2026-11-10T00:00:00Z', '{}', 'eligible', '[]'), "
	    "(711, 501, 601, 901, 'submitted', 'PKL-2026-2', "
	    "'2026-11-10T00:00:00Z', '{}', 'eligible', '[]'), "
	    "(720, 502, 602, 900, 'submitted', 'DMK-2026-1', "
	    "'2026-11-10T00:00:00Z', '{}', 'eligible', '[]');"
	    "INSERT INTO adm_decision (application_id, passed, reason, "
	    "decided_by, decided_at) SELECT id, 1, 'Memenuhi syarat.', 'Ketua',"
	    " submitted_at FROM application WHERE id >= 700;");
}

/*
 * The old selection's assessment closed on 6 March 2024 (14.00 WIB):
 * both passed, two raters each with the parts; Budi was then absent from
 * the interview (could not go on), Sari took it (its stage closed later).
 */
void
seed_closed_assessment(struct fx *f)
{
	sql(f, "INSERT INTO score (selection_id, application_id, stage, "
	    "rater_id, value, part_managerial, part_social, part_field, "
	    "entered_at) SELECT 500, 700, 'assessment', id, v, m, s, -1, "
	    "'2024-03-05T08:00:00Z' FROM account, (SELECT 8050 v, 8000 m, "
	    "8100 s, 'ketua' l UNION SELECT 7951, 7901, 8001, 'anggota') AS x "
	    "WHERE login = l;"
	    "INSERT INTO score (selection_id, application_id, stage, rater_id, "
	    "value, entered_at) SELECT 500, 701, 'assessment', id, 7000, "
	    "'2024-03-05T08:00:00Z' FROM account WHERE login IN ('ketua', "
	    "'anggota');"
	    "INSERT INTO stage_close (selection_id, stage, closed_at, "
	    "closed_by, decision) VALUES (500, 'assessment', "
	    "'2024-03-06T07:00:00Z', 'Ketua', 'Lulus assessment.');"
	    "INSERT INTO stage_outcome (selection_id, application_id, stage, "
	    "score_sum, score_count, outcome) VALUES (500, 700, 'assessment', "
	    "16001, 2, 'passed'), (500, 701, 'assessment', 14000, 2, "
	    "'passed');"
	    "INSERT INTO stage_absence (selection_id, application_id, stage, "
	    "recorded_at, recorded_by) VALUES (500, 700, 'interview', "
	    "'2024-03-11T02:00:00Z', 'Sekretariat');"
	    "INSERT INTO stage_close (selection_id, stage, closed_at, "
	    "closed_by, decision) VALUES (500, 'interview', "
	    "'2024-03-12T07:00:00Z', 'Ketua', 'Selesai.');"
	    "INSERT INTO stage_outcome (selection_id, application_id, stage, "
	    "score_sum, score_count, outcome) VALUES (500, 700, 'interview', "
	    "0, 0, 'absent'), (500, 701, 'interview', 7500, 1, 'passed');");
}

