/*
 * store_archive.c - the rows of the auditor's archive (store_archive.h).
 *
 * One table a line of specs: its columns with their types (i integer, I
 * integer or NULL, t text), the query reading the selection's rows (?1 the
 * selection; blanked columns read as '' or 0) and the insert putting them
 * back.  The order is the order of the schema's references.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "store/store_archive.h"
#include "base/banned.h"

struct tab {
	const char	*name, *types, *cols, *sel, *ins;
};

static const struct tab tabs[] = {
	{ "region", "ittttt",
	    "id,code,name,profile_id,oversight,secretariat",
	    "SELECT id, code, name, profile_id, oversight, secretariat "
	    "FROM region WHERE id = (SELECT region_id FROM selection "
	    "WHERE id = ?1) ORDER BY id",
	    "INSERT INTO region (id, code, name, profile_id, oversight, "
	    "secretariat) VALUES (?1, ?2, ?3, ?4, ?5, ?6)" },
	{ "account", "ittttit",
	    "id,login,name,email,pwhash,is_admin,created_at",
	    "SELECT id, login, name, '', '', 0, created_at FROM account "
	    "WHERE id IN (SELECT account_id FROM application WHERE "
	    "selection_id = ?1 UNION SELECT account_id FROM member "
	    "WHERE selection_id = ?1 UNION SELECT account_id FROM "
	    "stage_rater WHERE selection_id = ?1 UNION SELECT rater_id "
	    "FROM recusal WHERE selection_id = ?1 UNION SELECT "
	    "account_id FROM grant_role WHERE selection_id = ?1 UNION "
	    "SELECT account_id FROM ppk_interview WHERE selection_id = "
	    "?1 UNION SELECT account_id FROM ppk_choice WHERE "
	    "selection_id = ?1 UNION SELECT account_id FROM "
	    "consultation WHERE selection_id = ?1 UNION SELECT "
	    "account_id FROM report_sent WHERE selection_id = ?1 UNION "
	    "SELECT account_id FROM recommendation WHERE selection_id = "
	    "?1 UNION SELECT account_id FROM appointment WHERE "
	    "selection_id = ?1 UNION SELECT account_id FROM "
	    "assessment_record WHERE selection_id = ?1 OR id IN (SELECT "
	    "record_id FROM assessment_reuse WHERE selection_id = ?1)) "
	    "ORDER BY id",
	    "INSERT INTO account (id, login, name, email, pwhash, "
	    "is_admin, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
	{ "applicant", "itttttt",
	    "account_id,nip,birth_date,tmt_cpns,confirmed_at,record,record_at",
	    "SELECT account_id, nip, birth_date, tmt_cpns, "
	    "confirmed_at, '', '' FROM applicant WHERE account_id IN "
	    "(SELECT account_id FROM application WHERE selection_id = "
	    "?1) ORDER BY account_id",
	    "INSERT INTO applicant (account_id, nip, birth_date, "
	    "tmt_cpns, confirmed_at, record, record_at) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7)" },
	{ "selection", "iittttttttttttttttttttttttittitt",
	    "id,region_id,title,state,created_at,plan_duties,plan_standard,plan_methods,plan_system,weights,plan_sent_on,plan_sent_ref,rec_on,rec_ref,rec_text,consult_on,consult_ref,committee_ok_on,committee_ref,ann_number,ann_items,ann_text,ann_open,ann_close,published_at,signed_by,max_apps,adm_published_at,adm_signed_by,extensions,closed_at,closed_by",
	    "SELECT id, region_id, title, state, created_at, "
	    "plan_duties, plan_standard, plan_methods, plan_system, "
	    "weights, plan_sent_on, plan_sent_ref, rec_on, rec_ref, "
	    "rec_text, consult_on, consult_ref, committee_ok_on, "
	    "committee_ref, ann_number, ann_items, ann_text, ann_open, "
	    "ann_close, published_at, signed_by, max_apps, "
	    "adm_published_at, adm_signed_by, extensions, closed_at, "
	    "closed_by FROM selection WHERE id = ?1 ORDER BY id",
	    "INSERT INTO selection (id, region_id, title, state, "
	    "created_at, plan_duties, plan_standard, plan_methods, "
	    "plan_system, weights, plan_sent_on, plan_sent_ref, rec_on, "
	    "rec_ref, rec_text, consult_on, consult_ref, "
	    "committee_ok_on, committee_ref, ann_number, ann_items, "
	    "ann_text, ann_open, ann_close, published_at, signed_by, "
	    "max_apps, adm_published_at, adm_signed_by, extensions, "
	    "closed_at, closed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	    "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
	    "?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, "
	    "?31, ?32)" },
	{ "selection_stage", "ittttiitttt",
	    "selection_id,stage,starts_on,ends_on,method,pass_min,pass_best,place,link,time_text,provider",
	    "SELECT selection_id, stage, starts_on, ends_on, method, "
	    "pass_min, pass_best, place, link, time_text, provider FROM "
	    "selection_stage WHERE selection_id = ?1 ORDER BY stage",
	    "INSERT INTO selection_stage (selection_id, stage, "
	    "starts_on, ends_on, method, pass_min, pass_best, place, "
	    "link, time_text, provider) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?9, ?10, ?11)" },
	{ "vacancy", "iitttttttt",
	    "id,selection_id,title,agency,level,echelon,kind,field,reason,reason_note",
	    "SELECT id, selection_id, title, agency, level, echelon, "
	    "kind, field, reason, reason_note FROM vacancy WHERE "
	    "selection_id = ?1 ORDER BY id",
	    "INSERT INTO vacancy (id, selection_id, title, agency, "
	    "level, echelon, kind, field, reason, reason_note) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)" },
	{ "member", "iitttiittItt",
	    "id,selection_id,name,origin,echelon,chair,assessor,decl,conflict,account_id,email,left_at",
	    "SELECT id, selection_id, name, origin, echelon, chair, "
	    "assessor, decl, conflict, account_id, email, left_at FROM "
	    "member WHERE selection_id = ?1 ORDER BY id",
	    "INSERT INTO member (id, selection_id, name, origin, "
	    "echelon, chair, assessor, decl, conflict, account_id, "
	    "email, left_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	    "?9, ?10, ?11, ?12)" },
	{ "grant_role", "iiiitI",
	    "id,account_id,region_id,selection_id,role,member_id",
	    "SELECT id, account_id, region_id, selection_id, role, "
	    "member_id FROM grant_role WHERE selection_id = ?1 ORDER BY "
	    "id",
	    "INSERT INTO grant_role (id, account_id, region_id, "
	    "selection_id, role, member_id) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6)" },
	{ "application", "iiiittttttt",
	    "id,selection_id,vacancy_id,account_id,state,reg_no,submitted_at,withdrawn_at,record,verdict,rules",
	    "SELECT id, selection_id, vacancy_id, account_id, state, "
	    "reg_no, submitted_at, withdrawn_at, record, verdict, rules "
	    "FROM application WHERE selection_id = ?1 ORDER BY id",
	    "INSERT INTO application (id, selection_id, vacancy_id, "
	    "account_id, state, reg_no, submitted_at, withdrawn_at, "
	    "record, verdict, rules) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?9, ?10, ?11)" },
	{ "adm_check", "iittt",
	    "application_id,complete,note,checked_by,checked_at",
	    "SELECT application_id, complete, note, checked_by, "
	    "checked_at FROM adm_check WHERE application_id IN (SELECT "
	    "id FROM application WHERE selection_id = ?1) ORDER BY "
	    "application_id",
	    "INSERT INTO adm_check (application_id, complete, note, "
	    "checked_by, checked_at) VALUES (?1, ?2, ?3, ?4, ?5)" },
	{ "adm_decision", "iittt",
	    "application_id,passed,reason,decided_by,decided_at",
	    "SELECT application_id, passed, reason, decided_by, "
	    "decided_at FROM adm_decision WHERE application_id IN "
	    "(SELECT id FROM application WHERE selection_id = ?1) ORDER "
	    "BY application_id",
	    "INSERT INTO adm_decision (application_id, passed, reason, "
	    "decided_by, decided_at) VALUES (?1, ?2, ?3, ?4, ?5)" },
	{ "adm_override", "itttt",
	    "application_id,rules,reason,overridden_by,overridden_at",
	    "SELECT application_id, rules, reason, overridden_by, "
	    "overridden_at FROM adm_override WHERE application_id IN "
	    "(SELECT id FROM application WHERE selection_id = ?1) ORDER "
	    "BY application_id",
	    "INSERT INTO adm_override (application_id, rules, reason, "
	    "overridden_by, overridden_at) VALUES (?1, ?2, ?3, ?4, ?5)" },
	{ "clarification", "iittttt",
	    "id,application_id,question,asked_by,asked_at,answer,answered_at",
	    "SELECT id, application_id, question, asked_by, asked_at, "
	    "answer, answered_at FROM clarification WHERE "
	    "application_id IN (SELECT id FROM application WHERE "
	    "selection_id = ?1) ORDER BY id",
	    "INSERT INTO clarification (id, application_id, question, "
	    "asked_by, asked_at, answer, answered_at) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7)" },
	{ "complaint", "itittttttt",
	    "id,tracking,selection_id,name,contact,body,created_at,answer,answered_by,answered_at",
	    "SELECT id, tracking, selection_id, name, '', body, "
	    "created_at, answer, answered_by, answered_at FROM "
	    "complaint WHERE selection_id = ?1 ORDER BY id",
	    "INSERT INTO complaint (id, tracking, selection_id, name, "
	    "contact, body, created_at, answer, answered_by, "
	    "answered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
	    "?10)" },
	{ "document", "iittitttitIi",
	    "id,account_id,item_id,sha256,size,mime,name,dated,stamped,uploaded_at,replaces,current",
	    "SELECT id, account_id, item_id, sha256, size, mime, name, "
	    "dated, stamped, uploaded_at, replaces, current FROM "
	    "document WHERE account_id IN (SELECT account_id FROM "
	    "application WHERE selection_id = ?1) ORDER BY id",
	    "INSERT INTO document (id, account_id, item_id, sha256, "
	    "size, mime, name, dated, stamped, uploaded_at, replaces, "
	    "current) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
	    "?11, ?12)" },
	{ "doc_limit", "itii",
	    "selection_id,item_id,max_bytes,types",
	    "SELECT selection_id, item_id, max_bytes, types FROM "
	    "doc_limit WHERE selection_id = ?1 ORDER BY item_id",
	    "INSERT INTO doc_limit (selection_id, item_id, max_bytes, "
	    "types) VALUES (?1, ?2, ?3, ?4)" },
	{ "invitation", "iiitttt",
	    "id,selection_id,vacancy_id,nip,name,invited_by,invited_at",
	    "SELECT id, selection_id, vacancy_id, nip, name, "
	    "invited_by, invited_at FROM invitation WHERE selection_id "
	    "= ?1 ORDER BY id",
	    "INSERT INTO invitation (id, selection_id, vacancy_id, nip, "
	    "name, invited_by, invited_at) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7)" },
	{ "prac_letter", "iitttttt",
	    "id,selection_id,kind,ref,dated,subject,recorded_by,recorded_at",
	    "SELECT id, selection_id, kind, ref, dated, subject, "
	    "recorded_by, recorded_at FROM prac_letter WHERE "
	    "selection_id = ?1 ORDER BY id",
	    "INSERT INTO prac_letter (id, selection_id, kind, ref, "
	    "dated, subject, recorded_by, recorded_at) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7, ?8)" },
	{ "prac_window", "iitttt",
	    "id,selection_id,from_on,to_on,label,citation",
	    "SELECT id, selection_id, from_on, to_on, label, citation "
	    "FROM prac_window WHERE selection_id = ?1 ORDER BY id",
	    "INSERT INTO prac_window (id, selection_id, from_on, to_on, "
	    "label, citation) VALUES (?1, ?2, ?3, ?4, ?5, ?6)" },
	{ "prac_selection", "iitttt",
	    "selection_id,acting_head,assessor_name,assessor_grade,assessor_decree,assessor_valid_until",
	    "SELECT selection_id, acting_head, assessor_name, "
	    "assessor_grade, assessor_decree, assessor_valid_until FROM "
	    "prac_selection WHERE selection_id = ?1 ORDER BY "
	    "selection_id",
	    "INSERT INTO prac_selection (selection_id, acting_head, "
	    "assessor_name, assessor_grade, assessor_decree, "
	    "assessor_valid_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6)" },
	{ "publication", "iittttttittt",
	    "id,selection_id,kind,title,published_at,signed_by,body,sha256,head_id,head_hash,stage,sheet",
	    "SELECT id, selection_id, kind, title, published_at, "
	    "signed_by, body, sha256, head_id, head_hash, stage, sheet "
	    "FROM publication WHERE selection_id = ?1 ORDER BY id",
	    "INSERT INTO publication (id, selection_id, kind, title, "
	    "published_at, signed_by, body, sha256, head_id, head_hash, "
	    "stage, sheet) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
	    "?10, ?11, ?12)" },
	{ "publication_sig", "it",
	    "publication_id,note",
	    "SELECT publication_id, note FROM publication_sig WHERE "
	    "publication_id IN (SELECT id FROM publication WHERE "
	    "selection_id = ?1) ORDER BY publication_id",
	    "INSERT INTO publication_sig (publication_id, note) VALUES "
	    "(?1, ?2)" },
	{ "stage_open", "ittt",
	    "selection_id,stage,opened_at,opened_by",
	    "SELECT selection_id, stage, opened_at, opened_by FROM "
	    "stage_open WHERE selection_id = ?1 ORDER BY stage",
	    "INSERT INTO stage_open (selection_id, stage, opened_at, "
	    "opened_by) VALUES (?1, ?2, ?3, ?4)" },
	{ "stage_rater", "itiIt",
	    "selection_id,stage,account_id,member_id,submitted_at",
	    "SELECT selection_id, stage, account_id, member_id, "
	    "submitted_at FROM stage_rater WHERE selection_id = ?1 "
	    "ORDER BY stage, account_id",
	    "INSERT INTO stage_rater (selection_id, stage, account_id, "
	    "member_id, submitted_at) VALUES (?1, ?2, ?3, ?4, ?5)" },
	{ "score", "iiitiiiiittt",
	    "id,selection_id,application_id,stage,rater_id,value,part_managerial,part_social,part_field,entered_at,corrected_at,correct_reason",
	    "SELECT id, selection_id, application_id, stage, rater_id, "
	    "value, part_managerial, part_social, part_field, "
	    "entered_at, corrected_at, correct_reason FROM score WHERE "
	    "selection_id = ?1 AND EXISTS (SELECT 1 FROM stage_close c "
	    "WHERE c.selection_id = ?1 AND c.stage = score.stage) ORDER "
	    "BY id",
	    "INSERT INTO score (id, selection_id, application_id, "
	    "stage, rater_id, value, part_managerial, part_social, "
	    "part_field, entered_at, corrected_at, correct_reason) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)" },
	{ "recusal", "iiitt",
	    "selection_id,application_id,rater_id,reason,declared_at",
	    "SELECT selection_id, application_id, rater_id, reason, "
	    "declared_at FROM recusal WHERE selection_id = ?1 ORDER BY "
	    "application_id, rater_id",
	    "INSERT INTO recusal (selection_id, application_id, "
	    "rater_id, reason, declared_at) VALUES (?1, ?2, ?3, ?4, ?5)" },
	{ "blind_code", "iitt",
	    "selection_id,application_id,stage,code",
	    "SELECT selection_id, application_id, stage, code FROM "
	    "blind_code WHERE selection_id = ?1 ORDER BY "
	    "application_id, stage",
	    "INSERT INTO blind_code (selection_id, application_id, "
	    "stage, code) VALUES (?1, ?2, ?3, ?4)" },
	{ "stage_absence", "iitttt",
	    "selection_id,application_id,stage,recorded_at,recorded_by,note",
	    "SELECT selection_id, application_id, stage, recorded_at, "
	    "recorded_by, note FROM stage_absence WHERE selection_id = "
	    "?1 ORDER BY application_id, stage",
	    "INSERT INTO stage_absence (selection_id, application_id, "
	    "stage, recorded_at, recorded_by, note) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6)" },
	{ "stage_invite", "iitt",
	    "selection_id,application_id,stage,sent_at",
	    "SELECT selection_id, application_id, stage, sent_at FROM "
	    "stage_invite WHERE selection_id = ?1 ORDER BY "
	    "application_id, stage",
	    "INSERT INTO stage_invite (selection_id, application_id, "
	    "stage, sent_at) VALUES (?1, ?2, ?3, ?4)" },
	{ "stage_close", "itttt",
	    "selection_id,stage,closed_at,closed_by,decision",
	    "SELECT selection_id, stage, closed_at, closed_by, decision "
	    "FROM stage_close WHERE selection_id = ?1 ORDER BY stage",
	    "INSERT INTO stage_close (selection_id, stage, closed_at, "
	    "closed_by, decision) VALUES (?1, ?2, ?3, ?4, ?5)" },
	{ "stage_outcome", "iitiit",
	    "selection_id,application_id,stage,score_sum,score_count,outcome",
	    "SELECT selection_id, application_id, stage, score_sum, "
	    "score_count, outcome FROM stage_outcome WHERE selection_id "
	    "= ?1 ORDER BY application_id, stage",
	    "INSERT INTO stage_outcome (selection_id, application_id, "
	    "stage, score_sum, score_count, outcome) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6)" },
	{ "tie_decision", "iiittttt",
	    "id,selection_id,vacancy_id,stage,order_ids,reason,decided_at,decided_by",
	    "SELECT id, selection_id, vacancy_id, stage, order_ids, "
	    "reason, decided_at, decided_by FROM tie_decision WHERE "
	    "selection_id = ?1 ORDER BY id",
	    "INSERT INTO tie_decision (id, selection_id, vacancy_id, "
	    "stage, order_ids, reason, decided_at, decided_by) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)" },
	{ "ranking_sent", "ittttt",
	    "selection_id,sent_at,sent_by,to_role,body,sha256",
	    "SELECT selection_id, sent_at, sent_by, to_role, body, "
	    "sha256 FROM ranking_sent WHERE selection_id = ?1 ORDER BY "
	    "selection_id",
	    "INSERT INTO ranking_sent (selection_id, sent_at, sent_by, "
	    "to_role, body, sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6)" },
	{ "track_criterion", "iiiti",
	    "id,selection_id,pos,name,weight",
	    "SELECT id, selection_id, pos, name, weight FROM "
	    "track_criterion WHERE selection_id = ?1 ORDER BY id",
	    "INSERT INTO track_criterion (id, selection_id, pos, name, "
	    "weight) VALUES (?1, ?2, ?3, ?4, ?5)" },
	{ "track_inquiry", "iiitttt",
	    "id,selection_id,application_id,source,note,recorded_at,recorded_by",
	    "SELECT id, selection_id, application_id, source, note, "
	    "recorded_at, recorded_by FROM track_inquiry WHERE "
	    "selection_id = ?1 ORDER BY id",
	    "INSERT INTO track_inquiry (id, selection_id, "
	    "application_id, source, note, recorded_at, recorded_by) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
	{ "stage_material", "iitttt",
	    "selection_id,vacancy_id,stage,body,set_at,set_by",
	    "SELECT selection_id, vacancy_id, stage, body, set_at, "
	    "set_by FROM stage_material WHERE selection_id = ?1 ORDER "
	    "BY vacancy_id, stage",
	    "INSERT INTO stage_material (selection_id, vacancy_id, "
	    "stage, body, set_at, set_by) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6)" },
	{ "assessment_record", "iittIIItttttttiiiiiittttt",
	    "id,region_id,nip,name,account_id,selection_id,application_id,source,level,post_title,provider,accreditation,held_on,result_on,passed,score_sum,score_count,part_managerial,part_social,part_field,report_ref,stop_reason,origin,recorded_at,recorded_by",
	    "SELECT id, region_id, nip, name, account_id, selection_id, "
	    "application_id, source, level, post_title, provider, "
	    "accreditation, held_on, result_on, passed, score_sum, "
	    "score_count, part_managerial, part_social, part_field, "
	    "report_ref, stop_reason, origin, recorded_at, recorded_by "
	    "FROM assessment_record WHERE selection_id = ?1 OR id IN "
	    "(SELECT record_id FROM assessment_reuse WHERE selection_id "
	    "= ?1) ORDER BY id",
	    "INSERT INTO assessment_record (id, region_id, nip, name, "
	    "account_id, selection_id, application_id, source, level, "
	    "post_title, provider, accreditation, held_on, result_on, "
	    "passed, score_sum, score_count, part_managerial, "
	    "part_social, part_field, report_ref, stop_reason, origin, "
	    "recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
	    "?19, ?20, ?21, ?22, ?23, ?24, ?25)" },
	{ "assessment_reuse", "iiittt",
	    "application_id,selection_id,record_id,valid_until,applied_at,applied_by",
	    "SELECT application_id, selection_id, record_id, "
	    "valid_until, applied_at, applied_by FROM assessment_reuse "
	    "WHERE selection_id = ?1 ORDER BY application_id",
	    "INSERT INTO assessment_reuse (application_id, "
	    "selection_id, record_id, valid_until, applied_at, "
	    "applied_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)" },
	{ "ppk_interview", "iiitttti",
	    "id,selection_id,vacancy_id,held_on,notes,recorded_at,recorded_by,account_id",
	    "SELECT id, selection_id, vacancy_id, held_on, notes, "
	    "recorded_at, recorded_by, account_id FROM ppk_interview "
	    "WHERE selection_id = ?1 ORDER BY id",
	    "INSERT INTO ppk_interview (id, selection_id, vacancy_id, "
	    "held_on, notes, recorded_at, recorded_by, account_id) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)" },
	{ "ppk_choice", "iiitttti",
	    "vacancy_id,selection_id,application_id,chosen_on,reason,recorded_at,recorded_by,account_id",
	    "SELECT vacancy_id, selection_id, application_id, "
	    "chosen_on, reason, recorded_at, recorded_by, account_id "
	    "FROM ppk_choice WHERE selection_id = ?1 ORDER BY "
	    "vacancy_id",
	    "INSERT INTO ppk_choice (vacancy_id, selection_id, "
	    "application_id, chosen_on, reason, recorded_at, "
	    "recorded_by, account_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8)" },
	{ "consultation", "iiitttttttti",
	    "id,selection_id,vacancy_id,rule,act,letter_no,letter_on,summary,names,recorded_at,recorded_by,account_id",
	    "SELECT id, selection_id, vacancy_id, rule, act, letter_no, "
	    "letter_on, summary, names, recorded_at, recorded_by, "
	    "account_id FROM consultation WHERE selection_id = ?1 ORDER "
	    "BY id",
	    "INSERT INTO consultation (id, selection_id, vacancy_id, "
	    "rule, act, letter_no, letter_on, summary, names, "
	    "recorded_at, recorded_by, account_id) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)" },
	{ "report_sent", "itttttti",
	    "selection_id,letter_no,letter_on,body,sha256,sent_at,sent_by,account_id",
	    "SELECT selection_id, letter_no, letter_on, body, sha256, "
	    "sent_at, sent_by, account_id FROM report_sent WHERE "
	    "selection_id = ?1 ORDER BY selection_id",
	    "INSERT INTO report_sent (selection_id, letter_no, "
	    "letter_on, body, sha256, sent_at, sent_by, account_id) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)" },
	{ "recommendation", "ittttittti",
	    "selection_id,verdict,letter_no,letter_on,text,binding,recorded_role,recorded_at,recorded_by,account_id",
	    "SELECT selection_id, verdict, letter_no, letter_on, text, "
	    "binding, recorded_role, recorded_at, recorded_by, "
	    "account_id FROM recommendation WHERE selection_id = ?1 "
	    "ORDER BY selection_id",
	    "INSERT INTO recommendation (selection_id, verdict, "
	    "letter_no, letter_on, text, binding, recorded_role, "
	    "recorded_at, recorded_by, account_id) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7, ?8, ?9, ?10)" },
	{ "appointment", "iiitttttttti",
	    "vacancy_id,selection_id,application_id,decree_no,decree_on,tmt,inaugurated_on,mode,place,recorded_at,recorded_by,account_id",
	    "SELECT vacancy_id, selection_id, application_id, "
	    "decree_no, decree_on, tmt, inaugurated_on, mode, place, "
	    "recorded_at, recorded_by, account_id FROM appointment "
	    "WHERE selection_id = ?1 ORDER BY vacancy_id",
	    "INSERT INTO appointment (vacancy_id, selection_id, "
	    "application_id, decree_no, decree_on, tmt, inaugurated_on, "
	    "mode, place, recorded_at, recorded_by, account_id) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)" },
};

#define NTABS	(sizeof tabs / sizeof *tabs)

/* The n-th name of a comma-separated list, into out. */
static struct str
col_name(const char *cols, size_t n)
{
	const char *p = cols, *e;

	for (size_t i = 0; i < n; i++)
		p = strchr(p, ',') + 1;
	e = strchr(p, ',');
	return (struct str){ p, e != NULL ? (size_t)(e - p) : strlen(p) };
}

enum sel_err
store_archive_rows(struct stx *tx, struct arena *ar, int64_t sel,
    struct json_w *w)
{
	for (size_t t = 0; t < NTABS; t++) {
		struct sq *q = db_sq(DB(tx), tabs[t].sel);
		size_t nc = strlen(tabs[t].types);
		int rc;

		if (q == NULL)
			return SEL_ESTORE;
		sq_i64(q, 1, sel);
		jw_key(w, tabs[t].name);
		jw_arr(w);
		while ((rc = sq_step(q)) == SQ_ROW) {
			jw_obj(w);
			for (size_t c = 0; c < nc; c++) {
				struct str k = col_name(tabs[t].cols, c);

				jw_keyn(w, k.p, k.len);
				if (tabs[t].types[c] == 't')
					jw_str(w, sq_col_str(ar, q, (int)c));
				else if (sq_col_null(q, (int)c))
					jw_null(w);
				else
					jw_int(w, sq_col_i64(q, (int)c));
			}
			jw_obj_end(w);
		}
		sq_done(q);
		jw_arr_end(w);
		if (rc != SQ_DONE)
			return SEL_ESTORE;
	}
	return SEL_OK;
}

enum sel_err
store_archive_count(struct stx *tx, int64_t sel, int64_t *n)
{
	*n = 0;
	for (size_t t = 0; t < NTABS; t++) {
		struct sq *q = db_sq(DB(tx), tabs[t].sel);
		int rc;

		if (q == NULL)
			return SEL_ESTORE;
		sq_i64(q, 1, sel);
		while ((rc = sq_step(q)) == SQ_ROW)
			(*n)++;
		sq_done(q);
		if (rc != SQ_DONE)
			return SEL_ESTORE;
	}
	return SEL_OK;
}

/* Binds row's columns to q as t says; SEL_EINVAL (d) on a bad value. */
static enum sel_err
bind_row(struct sq *q, const struct tab *t, const struct json *row,
    struct diag *d)
{
	size_t nc = strlen(t->types);

	if (row->type != JSON_OBJECT)
		return json_fail(d, row, "a row is an object");
	if (row->count != nc)
		return json_fail(d, row, "a row of %s has %zu columns, not %u",
		    t->name, nc, row->count);
	for (size_t c = 0; c < nc; c++) {
		struct str k = col_name(t->cols, c);
		const struct json *v = json_getn(row, k.p, k.len);
		int64_t i;

		if (v == NULL)
			return json_fail(d, row, "column %.*s is missing",
			    (int)k.len, k.p);
		if (t->types[c] == 't') {
			if (v->type != JSON_STRING)
				return json_fail(d, v, "not a string");
			sq_text(q, (int)c + 1, v->s);
		} else if (t->types[c] == 'I' && v->type == JSON_NULL) {
			sq_null(q, (int)c + 1);
		} else {
			if (v->type != JSON_NUMBER || parse_i64(v->s, INT64_MIN,
			    INT64_MAX, &i) != SEL_OK)
				return json_fail(d, v, "not an integer");
			sq_i64(q, (int)c + 1, i);
		}
	}
	return SEL_OK;
}

enum sel_err
store_archive_load(struct stx *tx, struct arena *ar, const struct json *tables,
    struct diag *d)
{
	(void)ar;
	if (tables == NULL || tables->type != JSON_OBJECT)
		return diag_set(d, 0, "tables: not an object");
	for (const struct json *m = tables->head; m != NULL; m = m->next) {
		size_t t = 0;

		while (t < NTABS && !str_eqc(m->key, tabs[t].name))
			t++;
		if (t == NTABS)
			return json_fail(d, m, "table \"%.*s\" is not one this "
			    "version of selter knows", (int)m->key.len,
			    m->key.p);
		if (m->type != JSON_ARRAY)
			return json_fail(d, m, "not an array");
	}
	for (size_t t = 0; t < NTABS; t++) {
		const struct json *rows = json_get(tables, tabs[t].name);
		struct sq *q = db_sq(DB(tx), tabs[t].ins);
		enum sel_err rc;

		if (q == NULL)
			return SEL_ESTORE;
		for (const struct json *r = rows != NULL ? rows->head : NULL;
		    r != NULL; r = r->next) {
			if ((rc = bind_row(q, &tabs[t], r, d)) != SEL_OK) {
				sq_done(q);
				return rc;
			}
			if ((rc = sq_run(q)) != SEL_OK)
				return rc == SEL_EINVAL ? json_fail(d, r,
				    "the schema refuses this row of %s",
				    tabs[t].name) : rc;
		}
	}
	return SEL_OK;
}

enum sel_err
store_archive_set(struct stx *tx, const struct s_archive *a)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO archive_instance (id, "
	    "region_code, region_name, selection_id, exported_at, origin, "
	    "key_text, sha256, imported_at, head_id, head_hash) VALUES (1, "
	    "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	char hex[65];

	if (q == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, a->region_code);
	sq_text(q, 2, a->region_name);
	sq_i64(q, 3, a->selection_id);
	sq_text(q, 4, a->exported_at);
	sq_text(q, 5, a->origin);
	sq_text(q, 6, a->key_text);
	sq_text(q, 7, a->sha256);
	sq_text(q, 8, a->imported_at);
	sq_i64(q, 9, a->head_id);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", a->head_hash[i]);
	sq_text(q, 10, (struct str){ hex, 64 });
	return sq_run(q);
}

static void
archive_row(struct arena *ar, struct sq *q, struct s_archive *a)
{
	a->region_code = sq_col_str(ar, q, 0);
	a->region_name = sq_col_str(ar, q, 1);
	a->selection_id = sq_col_i64(q, 2);
	a->exported_at = sq_col_str(ar, q, 3);
	a->origin = sq_col_str(ar, q, 4);
	a->key_text = sq_col_str(ar, q, 5);
	a->sha256 = sq_col_str(ar, q, 6);
	a->imported_at = sq_col_str(ar, q, 7);
	a->head_id = sq_col_i64(q, 8);
	{
		struct str h = sq_col_str(ar, q, 9);

		for (size_t i = 0; i < 32 && h.len == 64; i++) {
			unsigned v = 0;

			for (size_t k = 0; k < 2; k++) {
				char c = h.p[2 * i + k];

				v = v << 4 | (unsigned)(c <= '9' ? c - '0' :
				    c - 'a' + 10);
			}
			a->head_hash[i] = (unsigned char)v;
		}
	}
}

enum sel_err
store_archive_get(struct stx *tx, struct arena *ar, struct s_archive *a)
{
	struct sq *q = db_sq(DB(tx), "SELECT region_code, region_name, "
	    "selection_id, exported_at, origin, key_text, sha256, imported_at, "
	    "head_id, head_hash FROM archive_instance WHERE id = 1");

	if (q == NULL)
		return SEL_ESTORE;
	ONE(ar, q, archive_row, a);
}

enum sel_err
store_event_put(struct stx *tx, const struct s_event *e)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO event (id, at, actor_id, "
	    "actor, selection_id, action, before, after, rules, prev, hash) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, e->id);
	sq_text(q, 2, e->at);
	sq_i64(q, 3, e->actor_id);
	sq_text(q, 4, e->actor);
	sq_i64(q, 5, e->selection_id);
	sq_text(q, 6, e->action);
	sq_text(q, 7, e->before);
	sq_text(q, 8, e->after);
	sq_text(q, 9, e->rules);
	sq_blob(q, 10, e->prev, 32);
	sq_blob(q, 11, e->hash, 32);
	return sq_run(q);
}

static void
sha_row(struct arena *ar, struct sq *q, struct str *s)
{
	*s = sq_col_str(ar, q, 0);
}

enum sel_err
store_archive_docs(struct stx *tx, struct arena *ar, int64_t sel,
    struct str **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT DISTINCT sha256 FROM document "
	    "WHERE account_id IN (SELECT account_id FROM application WHERE "
	    "selection_id = ?1) ORDER BY sha256");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct str, out, n, sha_row);
}
