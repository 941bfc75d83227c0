/*
 * h_audit.c - a selection's audit trail for people: each event with its
 * time in the region's zone, who acted, what was done (in words), the
 * data before and after as labelled fields side by side, and the rules
 * it rests on with their citations.  The stored JSON is never shown raw:
 * known fields and codes get their Indonesian labels; an unknown field
 * or code is shown as it is, so nothing is hidden.
 */
#include <string.h>

#include <microhttpd.h>

#include "app/prep.h"
#include "base/arena.h"
#include "base/json.h"
#include "core/profile.h"
#include "core/vocab.h"
#include "web/label.h"
#include "web/web.h"
#include "base/banned.h"

const char *web_role_label(enum role);

/* What each action did; "" for an action with no words yet. */
static const char *const actions[][2] = {
	{ "selection_add", "Seleksi dibuka" },
	{ "vacancy_add", "Lowongan ditambahkan" },
	{ "vacancy_del", "Lowongan dihapus" },
	{ "plan_set", "Rencana pelaksanaan disimpan" },
	{ "stage_put", "Jadwal tahapan disimpan" },
	{ "stage_del", "Tahapan dihapus dari jadwal" },
	{ "plan_sent", "Pengiriman rencana kepada instansi pengawas dicatat" },
	{ "recommendation", "Rekomendasi instansi pengawas dicatat" },
	{ "consultation", "Konsultasi lowongan Inspektur dicatat" },
	{ "member_add", "Anggota panitia ditambahkan" },
	{ "member_del", "Anggota panitia dihapus" },
	{ "committee_confirm", "Panitia seleksi ditetapkan PPK" },
	{ "announcement_set", "Naskah pengumuman disimpan" },
	{ "announcement_publish", "Pengumuman ditandatangani dan "
	    "diterbitkan" },
	{ "announcement_extend", "Jangka waktu pendaftaran diperpanjang" },
	{ "grant_add", "Peran diberikan" },
	{ "grant_del", "Peran dicabut" },
	{ "doc_limit_set", "Batas berkas dokumen diubah" },
	{ "application_submit", "Lamaran dikirim" },
	{ "application_withdraw", "Lamaran ditarik" },
	{ "adm_check", "Kelengkapan berkas diperiksa" },
	{ "adm_decide", "Keputusan seleksi administrasi" },
	{ "adm_publish", "Hasil seleksi administrasi ditandatangani dan "
	    "diterbitkan" },
	{ "clarification_ask", "Klarifikasi diminta kepada pelamar" },
	{ "clarification_answer", "Klarifikasi dijawab pelamar" },
	{ "invite", "Calon ditunjuk PPK (ADM-INVITE)" },
	{ "complaint_add", "Pengaduan diterima" },
	{ "complaint_answer", "Pengaduan dijawab" },
	{ "document_upload", "Dokumen diunggah" },
	{ "document_replace", "Dokumen diganti" },
	{ "record_set", "Data riwayat disimpan" },
	{ "account_add", "Akun dibuat" },
	{ "region_add", "Wilayah ditambahkan" },
	{ "logout", "Keluar dari aplikasi" },
	{ "password_change", "Kata sandi diganti" },
	{ "registration_close", "Pendaftaran ditutup oleh sekretariat" },
	{ "committee_grant", "Peran panitia diberikan menurut susunan yang "
	    "ditetapkan PPK" },
	{ "committee_invite", "Undangan anggota panitia dikirim" },
	{ "committee_join", "Anggota panitia bergabung melalui undangan" },
	{ "member_replace", "Anggota panitia diganti oleh PPK" },
	{ "prac_approval_add", "Surat persetujuan instansi pengawas dicatat" },
	{ "prac_minister_add", "Persetujuan tertulis Menteri Dalam Negeri "
	    "dicatat" },
	{ "prac_letter_del", "Surat dihapus dari catatan" },
	{ "prac_acting_set", "Status penjabat (Pj) kepala daerah dicatat" },
	{ "prac_window_add", "Masa larangan penggantian pejabat dicatat" },
	{ "prac_window_del", "Masa larangan penggantian pejabat dihapus" },
	{ "prac_assessor_set", "Penyelenggara asesmen dan akreditasinya "
	    "dicatat" },
	/* stage part (issue 12 item 1) */
	{ "stage_invite", "Undangan tahapan dikirim kepada peserta" },
	{ "stage_absent", "Peserta dicatat tidak hadir pada tahapan" },
	{ "track_instrument", "Instrumen penilaian integritas ditetapkan" },
	{ "track_inquiry", "Catatan penelusuran rekam jejak ditambahkan" },
	{ "stage_material", "Materi wawancara terstandar disimpan" },
	/* reuse (issue 12 item 4): STG-REUSE */
	{ "assessment_record", "Hasil assessment dicatat (STG-REUSE)" },
	{ "assessment_reuse", "Hasil assessment sebelumnya digunakan "
	    "(STG-REUSE)" },
	/* score part (issue 12) */
	{ "stage_open", "Penilaian tahap dibuka" },
	{ "score_enter", "Nilai diisi" },
	{ "score_correct", "Nilai dikoreksi sesudah lembar dikirim" },
	{ "score_submit", "Lembar nilai dikirim" },
	{ "score_recuse", "Benturan kepentingan dinyatakan" },
	{ "stage_tie", "Keputusan atas nilai sama pada batas kelulusan" },
	{ "stage_close", "Tahap ditutup dengan keputusan panitia" },
};

/* Field labels; "action.key" first, then "key". */
static const char *const fields[][2] = {
	{ "vacancy_add.title", "Nama jabatan" },
	{ "vacancy_del.title", "Nama jabatan" },
	{ "adm_decide.reason", "Alasan keputusan" },
	{ "committee_confirm.date", "Tanggal keputusan" },
	{ "committee_confirm.ref", "Nomor keputusan" },
	{ "announcement_set.text", "Ketentuan lain" },
	{ "recommendation.text", "Isi rekomendasi" },
	{ "title", "Judul" }, { "region", "Wilayah" },
	{ "level", "Jenis jabatan" }, { "echelon", "Eselon" },
	{ "kind", "Kelompok jabatan" }, { "field", "Bidang" },
	{ "reason", "Alasan kekosongan" },
	{ "reason_note", "Keterangan alasan" },
	{ "duties", "Nama dan tugas jabatan" },
	{ "standard", "Kualifikasi dan standar kompetensi" },
	{ "methods", "Metode dan materi seleksi" },
	{ "system", "Sistem yang digunakan" },
	{ "weights", "Bobot nilai" },
	{ "paper", "Makalah (%)" }, { "assessment", "Assessment (%)" },
	{ "interview", "Wawancara (%)" },
	{ "track_record", "Rekam jejak (%)" },
	{ "adjustment_reason", "Alasan penyesuaian bobot" },
	{ "max_apps", "Batas lamaran per pelamar" },
	{ "stage", "Tahapan" }, { "starts_on", "Tanggal mulai" },
	{ "ends_on", "Tanggal selesai" }, { "method", "Metode" },
	{ "date", "Tanggal surat" }, { "ref", "Nomor surat" },
	{ "text", "Isi" }, { "name", "Nama" }, { "origin", "Unsur" },
	{ "declarations", "Pernyataan" },
	{ "conflict", "Catatan konflik kepentingan" },
	{ "chair", "Ketua panitia" }, { "assessor", "Asesor kompetensi" },
	{ "number", "Nomor pengumuman" },
	{ "open", "Tanggal pengumuman (pendaftaran dibuka)" },
	{ "close", "Batas akhir pendaftaran" },
	{ "items", "Isi pengumuman" }, { "state", "Status" },
	{ "published_at", "Diterbitkan" },
	{ "signed_by", "Ditandatangani oleh" },
	{ "login", "Nama pengguna" }, { "selection", "Nomor seleksi" },
	{ "role", "Peran" }, { "reg_no", "Nomor pendaftaran" },
	{ "vacancy", "Jabatan" },
	{ "verdict", "Hasil pemeriksaan persyaratan" },
	{ "note", "Catatan" }, { "complete", "Kelengkapan berkas" },
	{ "passed", "Keputusan" }, { "decision", "Keputusan" },
	{ "question", "Pertanyaan" }, { "answer", "Jawaban" },
	{ "tracking", "Nomor pengaduan" }, { "reference", "Dasar" },
	{ "extension", "Perpanjangan ke" }, { "item", "Dokumen" },
	{ "max_bytes", "Ukuran paling besar (bita)" },
	{ "types", "Jenis berkas" }, { "nip", "NIP" },
	{ "email", "Surel" }, { "withdrawn", "Ditarik" },
	{ "file", "Berkas" }, { "size", "Ukuran (bita)" },
	{ "dated", "Bertanggal" }, { "stamped", "Bermeterai" },
	{ "profile", "Profil peraturan" },
	{ "oversight", "Instansi pengawas" },
	{ "secretariat", "Sekretariat" }, { "code", "Kode" },
	{ "account", "Akun" }, { "id", "Nomor data" },
	{ "member", "Anggota panitia" },
	{ "closed_at", "Ditutup pada" },
	{ "applications", "Jumlah lamaran" },
	{ "override", "Dikecualikan dari" },
	{ "override_reason", "Alasan pengecualian" },
	{ "member_replace.ref", "Nomor keputusan penggantian" },
	{ "subject", "Perihal" },
	/* stage part (issue 12 item 1) */
	{ "pass_min", "Nilai minimum kelulusan" },
	{ "pass_best", "Peringkat terbaik per lowongan" },
	{ "place", "Tempat" }, { "link", "Tautan konferensi video" },
	{ "time_text", "Waktu" }, { "provider", "Penyelenggara" },
	{ "count", "Jumlah" }, { "reg_nos", "Nomor pendaftaran" },
	{ "criteria", "Kriteria dan bobot" }, { "source", "Yang ditanya" },
	{ "material", "Materi" },
	/* reuse (issue 12 item 4): STG-REUSE */
	{ "assessment_record.record", "Nomor catatan" },
	{ "assessment_record.origin", "Asal catatan" },
	{ "assessment_record.source", "Seleksi asal" },
	{ "assessment_record.result", "Hasil" },
	{ "assessment_record.stop_reason", "Alasan tidak dapat mengikuti tes "
	    "selanjutnya" },
	{ "assessment_reuse.record", "Nomor catatan hasil assessment" },
	{ "assessment_reuse.reason", "Pertimbangan (STG-REUSE)" },
	{ "assessment_record.provider", "Lembaga penyelenggara assessment" },
	{ "assessment_reuse.provider", "Lembaga penyelenggara assessment" },
	{ "accreditation", "Akreditasi" },
	{ "held_on", "Tanggal pelaksanaan assessment" },
	{ "result_on", "Tanggal laporan hasil" },
	{ "score", "Nilai (jumlah/banyak penilai, perseratus)" },
	{ "report_ref", "Nomor laporan hasil assessment" },
	{ "valid_until", "Berlaku sampai dengan" },
	/* score part (issue 12) */
	{ "score_enter.reason", "Alasan koreksi" },
	{ "score_correct.reason", "Alasan koreksi" },
	{ "score_recuse.reason", "Alasan benturan kepentingan" },
	{ "stage_tie.reason", "Alasan keputusan" },
	{ "score_enter.field", "Kompetensi bidang" },
	{ "score_correct.field", "Kompetensi bidang" },
	{ "managerial", "Kompetensi manajerial" },
	{ "social", "Kompetensi sosial kultural" },
	{ "value", "Nilai" }, { "raters", "Jumlah penilai" },
	{ "rater_accounts", "Akun penilai" }, { "scored", "Calon dinilai" },
	{ "score_kept", "Nilai yang tetap tercatat, tidak dihitung" },
	{ "order", "Urutan (nomor lamaran)" },
	{ "outcomes", "Hasil per calon" },
};

static struct str
action_label(struct str action)
{
	for (size_t i = 0; i < sizeof actions / sizeof *actions; i++)
		if (str_eqc(action, actions[i][0]))
			return str_c(actions[i][1]);
	return action;
}

static struct str
field_label(struct arena *ar, struct str action, struct str key)
{
	struct str both = arena_printf(ar, "%.*s.%.*s", (int)action.len,
	    action.p, (int)key.len, key.p);

	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (str_eqc(both, fields[i][0]))
			return str_c(fields[i][1]);
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (str_eqc(key, fields[i][0]))
			return str_c(fields[i][1]);
	return key;
}

struct actx {
	struct req		*r;
	struct page		*p;
	const struct sel_view	*v;
	struct str		 action;
};

/* The announcement's items ("post_name;deadline") by their labels. */
static void
items(struct actx *x, struct str list)
{
	const struct profile *pf = x->v->profile;

	H(x->p, "<ul class=\"plain\">");
	while (list.len > 0) {
		const char *semi = memchr(list.p, ';', list.len);
		size_t n = semi != NULL ? (size_t)(semi - list.p) : list.len;
		struct str id = { list.p, n }, label = id;

		for (size_t i = 0; pf != NULL && i < pf->ncontent; i++)
			if (str_eq(pf->content[i].id, id))
				label = pf->content[i].label;
		H(x->p, "<li>");
		h_text(x->p, label);
		H(x->p, "</li>");
		list.p += n + (semi != NULL);
		list.len -= n + (semi != NULL);
	}
	H(x->p, "</ul>");
}

static void value(struct actx *, struct str key, const struct json *);

/* A string value: codes by their labels, dates and instants for people. */
static void
string_value(struct actx *x, struct str key, struct str s)
{
	struct arena *ar = x->r->ar;
	struct json *j;
	struct diag d;
	sel_date day;
	enum role role;

	if (s.len == 0) {
		H(x->p, "—");
	} else if (s.p[0] == '{' && json_parse(ar, s.p, s.len, 1, false, &j,
	    &d) == SEL_OK) {
		value(x, key, j);	/* the weights, kept as JSON text */
	} else if (str_eqc(key, "declarations")) {
		h_decls(x->p, s);
	} else if (str_eqc(key, "items")) {
		items(x, s);
	} else if (str_eqc(key, "level")) {
		h_text(x->p, lbl_word(vocab_level, label_level, s));
	} else if (str_eqc(key, "kind")) {
		h_text(x->p, lbl_word(vocab_vpost_kind, label_vpost_kind, s));
	} else if (str_eqc(key, "reason")) {
		h_text(x->p, lbl_word(prep_reason_ids, prep_reason_labels, s));
	} else if (str_eqc(key, "stage")) {
		h_text(x->p, lbl_word(prep_stage_ids, prep_stage_labels, s));
	} else if (str_eqc(key, "origin")) {
		h_text(x->p, lbl_word(vocab_origin, label_origin, s));
	} else if (str_eqc(key, "verdict")) {
		h_text(x->p, lbl_verdict(s));
	} else if (str_eqc(key, "state")) {
		h_text(x->p, lbl_state(s));
	} else if (str_eqc(key, "region") && str_eq(s, x->v->region.code)) {
		h_text(x->p, x->v->region.name);
	} else if (str_eqc(key, "role") && role_parse(s, &role)) {
		h_textc(x->p, web_role_label(role));
	} else if (s.len == 10 && date_parse(s, &day) == SEL_OK) {
		h_date(x->p, day);
	} else if (s.len == 20 && s.p[10] == 'T') {
		h_when(x->p, s, sel_zone(x->v));
	} else {
		H(x->p, "<span class=\"pre\">");
		h_text(x->p, s);
		H(x->p, "</span>");
	}
}

static void
value(struct actx *x, struct str key, const struct json *j)
{
	if (j == NULL || j->type == JSON_NULL) {
		H(x->p, "—");
		return;
	}
	switch (j->type) {
	case JSON_BOOL:
		h_textc(x->p, j->b ? "ya" : "tidak");
		break;
	case JSON_NUMBER:
		h_text(x->p, j->s);
		break;
	case JSON_STRING:
		string_value(x, key, j->s);
		break;
	case JSON_ARRAY:
		H(x->p, "<ul class=\"plain\">");
		for (const struct json *e = j->head; e != NULL; e = e->next) {
			H(x->p, "<li>");
			value(x, key, e);
			H(x->p, "</li>");
		}
		H(x->p, "</ul>");
		break;
	default:
		H(x->p, "<ul class=\"plain\">");
		for (const struct json *e = j->head; e != NULL; e = e->next) {
			H(x->p, "<li>");
			h_text(x->p, field_label(x->r->ar, x->action, e->key));
			H(x->p, ": ");
			value(x, e->key, e);
			H(x->p, "</li>");
		}
		H(x->p, "</ul>");
		break;
	}
}

/* The stored JSON text as a tree; NULL when empty, "null" or broken. */
static struct json *
tree(struct arena *ar, struct str text)
{
	struct json *j = NULL;
	struct diag d;

	if (text.len == 0 || json_parse(ar, text.p, text.len, 1, false, &j,
	    &d) != SEL_OK)
		return NULL;
	return j->type == JSON_NULL ? NULL : j;
}

static void
change_row(struct actx *x, struct str key, const struct json *b,
    const struct json *a)
{
	H(x->p, "<tr><th scope=\"row\">");
	h_text(x->p, field_label(x->r->ar, x->action, key));
	H(x->p, "</th><td data-label=\"Sebelum\">");
	value(x, key, b);
	H(x->p, "</td><td data-label=\"Sesudah\">");
	value(x, key, a);
	H(x->p, "</td></tr>");
}

/* Every field of before and after, after's order first. */
static void
changes(struct actx *x, const struct s_event *ev)
{
	struct json *b = tree(x->r->ar, ev->before);
	struct json *a = tree(x->r->ar, ev->after);

	if (b == NULL && a == NULL)
		return;
	H(x->p, "<div class=\"scroll\" tabindex=\"0\" role=\"region\"");
	HA(x->p, "aria-label", arena_printf(x->r->ar, "Perubahan catatan %lld",
	    (long long)ev->id));
	H(x->p, "><table class=\"changes\"><thead><tr><th scope=\"col\">Data"
	    "</th><th scope=\"col\">Sebelum</th><th scope=\"col\">Sesudah</th>"
	    "</tr></thead><tbody>");
	if ((a != NULL && a->type != JSON_OBJECT) ||
	    (b != NULL && b->type != JSON_OBJECT)) {
		change_row(x, STR("data"), b, a);
	} else {
		for (const struct json *e = a != NULL ? a->head : NULL;
		    e != NULL; e = e->next)
			change_row(x, e->key, json_getn(b, e->key.p,
			    e->key.len), e);
		for (const struct json *e = b != NULL ? b->head : NULL;
		    e != NULL; e = e->next)
			if (json_getn(a, e->key.p, e->key.len) == NULL)
				change_row(x, e->key, e, NULL);
	}
	H(x->p, "</tbody></table></div>");
}

/* The rules an event rests on: [{"id": ..., "citation": ...}]. */
static void
grounds(struct actx *x, const struct s_event *ev)
{
	struct json *j = tree(x->r->ar, ev->rules);

	if (j == NULL || j->type != JSON_ARRAY || j->count == 0)
		return;
	H(x->p, "<p class=\"small\">Dasar: ");
	for (const struct json *e = j->head; e != NULL; e = e->next) {
		struct json *id = json_get(e, "id"), *c = json_get(e,
		    "citation");

		if (e != j->head)
			H(x->p, "; ");
		if (id != NULL && id->type == JSON_STRING) {
			H(x->p, "<code>");
			h_text(x->p, id->s);
			H(x->p, "</code>");
		}
		if (c != NULL && c->type == JSON_STRING && c->s.len > 0) {
			H(x->p, " ");
			h_text(x->p, c->s);
		}
	}
	H(x->p, "</p>");
}

void
h_audit(struct req *r, struct resp *rs)
{
	struct s_event *ev;
	struct sel_view v;
	size_t n;
	enum sel_err rc;
	struct page *p = &rs->pg;

	if (!web_sel_load(r, rs, &v))
		return;
	rc = app_events(r->app, r->ar, &r->who, v.s.id, &ev, &n);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), rc == SEL_EPERM ?
		    "Jejak audit hanya untuk panitia dan instansi pengawas." :
		    "Jejak audit tidak dapat dibaca.");
		return;
	}
	page_begin(r, rs, "Jejak audit");
	H(p, "<p>");
	h_text(p, v.s.f[SF_TITLE]);
	H(p, "</p><p>Setiap perubahan pada seleksi ini, dengan pelaku, waktu ("
	    "");
	h_text(p, sel_zone(&v));
	H(p, "), data sebelum dan sesudah, dan dasar hukumnya. Setiap "
	    "catatan terkait dengan catatan sebelumnya melalui SHA-256; "
	    "<code>selter audit verify</code> memeriksa seluruh rantai.</p>"
	    "<ol class=\"events\">");
	for (size_t i = 0; i < n; i++) {
		struct actx x = { r, p, &v, ev[i].action };

		H(p, "<li><h2>");
		h_text(p, action_label(ev[i].action));
		H(p, "</h2><p class=\"small\">Catatan nomor ");
		h_int(p, ev[i].id);
		H(p, " · ");
		h_when(p, ev[i].at, sel_zone(&v));
		H(p, " · ");
		h_text(p, ev[i].actor);
		H(p, "</p>");
		changes(&x, &ev[i]);
		grounds(&x, &ev[i]);
		H(p, "</li>");
	}
	H(p, "</ol>");
	page_end(r, rs);
}
