/*
 * routes.c - every URL the server answers: its methods, its pattern ('%':
 * a number, '*': a word of lowercase letters and inner hyphens), its
 * handler, and whether the page is public and the same for everyone (then
 * cached).  The first match of the method wins, in this order.
 */
#include "web/web.h"
#include "base/banned.h"

const struct web_route web_routes[] = {
	{ M_GET, "/", h_home, true },
	{ M_GET, "/seleksi/%", h_announcement, true },
	{ M_GET, "/static/selter.css", h_css, true },
	{ M_GET, "/sehat", h_health, false },
	{ M_GET, "/masuk", h_login_get, false },
	{ M_POST, "/masuk", h_login_post, false },
	{ M_POST, "/keluar", h_logout, false },
	{ M_GET, "/akun/sandi", h_password_get, false },
	{ M_POST, "/akun/sandi", h_password_post, false },
	{ M_GET, "/dasbor", h_dashboard, false },
	{ M_GET, "/admin", h_admin, false },
	{ M_POST, "/admin/wilayah", h_admin_region, false },
	{ M_POST, "/admin/akun", h_admin_account, false },
	{ M_POST, "/admin/peran", h_admin_grant, false },
	{ M_POST, "/admin/peran/%/cabut", h_admin_grant_del, false },
	{ M_GET, "/kelola/nip", h_nip_get, false },
	{ M_POST, "/kelola/nip", h_nip_post, false },
	{ M_POST, "/kelola/baru", h_sel_new, false },
	/* ---- tenure ---- (issue 14 item 5): before /kelola/%/... */
	{ M_GET, "/kelola/masa-jabatan", h_tenure_list, false },
	{ M_GET, "/kelola/masa-jabatan/%", h_tenure, false },
	{ M_POST, "/kelola/masa-jabatan/%/*", h_tenure_post, false },
	/* ---- end tenure ---- */
	{ M_GET, "/kelola/%", h_sel, false },
	{ M_GET, "/kelola/%/jejak", h_audit, false },
	{ M_GET, "/kelola/%/alur", h_flow, false },
	{ M_GET, "/kelola/%/lowongan", h_sel_step, false },
	{ M_GET, "/kelola/%/rencana", h_sel_step, false },
	{ M_GET, "/kelola/%/pengawas", h_sel_step, false },
	{ M_GET, "/kelola/%/panitia", h_sel_step, false },
	{ M_GET, "/kelola/%/pengumuman", h_sel_step, false },
	{ M_POST, "/kelola/%/alur/*", h_flow_post, false },
	{ M_GET, "/kelola/%/dokumen", h_doc_limits_get, false },
	{ M_POST, "/kelola/%/dokumen", h_doc_limits_post, false },
	{ M_POST, "/kelola/%/*", h_sel_post, false },
	{ M_GET, "/kelola/%/praktik", h_prac, false },
	{ M_POST, "/kelola/%/praktik/*", h_prac_post, false },
	{ M_GET, "/daftar", h_register_get, false },
	{ M_POST, "/daftar", h_register_post, false },
	{ M_GET, "/konfirmasi", h_confirm, false },
	{ M_GET, "/lupa", h_forgot_get, false },
	{ M_POST, "/lupa", h_forgot_post, false },
	{ M_GET, "/atur-sandi", h_reset_get, false },
	{ M_GET, "/undangan", h_invite_get, false },
	{ M_POST, "/undangan", h_invite_post, false },
	{ M_POST, "/atur-sandi", h_reset_post, false },
	{ M_GET, "/pelamar", h_applicant_home, false },
	{ M_GET, "/pelamar/data", h_record_get, false },
	{ M_POST, "/pelamar/data", h_record_post, false },
	{ M_GET, "/pelamar/data/isian", h_rform_get, false },
	{ M_POST, "/pelamar/data/isian", h_rform_post, false },
	{ M_GET, "/pelamar/lowongan/%", h_vacancy_preview, false },
	{ M_POST, "/pelamar/lowongan/%/daftar", h_apply, false },
	{ M_GET, "/pelamar/lamaran/%", h_receipt, false },
	{ M_POST, "/pelamar/lamaran/%/tarik", h_withdraw, false },
	{ M_POST, "/pelamar/lamaran/%/klarifikasi/%", h_clar_answer, false },
	{ M_GET, "/seleksi/%/pendaftar", h_registrants, true },
	{ M_GET, "/seleksi/%/hasil-administrasi", h_adm_result, true },
	{ M_GET, "/seleksi/%/pengaduan", h_complaint_get, false },
	{ M_POST, "/seleksi/%/pengaduan", h_complaint_post, false },
	{ M_GET, "/pengaduan", h_complaint_status, false },
	{ M_GET, "/kelola/%/administrasi", h_adm_queue, false },
	{ M_POST, "/kelola/%/administrasi/*", h_adm_publish, false },
	{ M_GET, "/kelola/%/lamaran/%", h_adm_application, false },
	{ M_POST, "/kelola/%/lamaran/%/*", h_adm_act, false },
	{ M_GET, "/kelola/%/pengaduan", h_complaints, false },
	{ M_POST, "/kelola/%/pengaduan/%/jawab", h_complaint_answer, false },
	{ M_GET, "/pelamar/dokumen", h_docs_get, false },
	{ M_POST | M_UPLOAD, "/pelamar/dokumen", h_docs_post, false },
	{ M_GET, "/dokumen/%", h_doc_get, false },
	/* stage part (issue 12 item 1): a stage's page and its forms */
	{ M_GET, "/kelola/%/tahap/*", h_stage, false },
	{ M_POST, "/kelola/%/tahap/*/undang", h_stage_invite, false },
	{ M_POST, "/kelola/%/tahap/*/absen", h_stage_absent, false },
	{ M_POST, "/kelola/%/tahap/*/instrumen", h_stage_instrument, false },
	{ M_POST, "/kelola/%/tahap/*/penelusuran", h_stage_inquiry, false },
	{ M_POST, "/kelola/%/tahap/*/materi", h_stage_material, false },
	/* reuse (issue 12 item 4): STG-REUSE */
	{ M_GET, "/kelola/asesmen", h_reuse_rec_get, false },
	{ M_POST, "/kelola/asesmen", h_reuse_rec_post, false },
	{ M_GET, "/kelola/%/tahap/asesmen/ulang", h_reuse, false },
	{ M_POST, "/kelola/%/tahap/asesmen/ulang", h_reuse_post, false },
	/* export (issue 12 item 5) */
	{ M_GET, "/kelola/%/ekspor/administrasi", h_export_adm, false },
	{ M_GET, "/kelola/%/ekspor/peringkat", h_export_ranking, false },
	{ M_GET, "/kelola/%/ekspor/nilai/*", h_export_stage, false },
	/* result */
	{ M_GET, "/seleksi/%/hasil/*", h_stage_result, true },
	{ M_GET, "/seleksi/%/hasil/*/lembar.json", h_stage_sheet, true },
	{ M_GET, "/seleksi/%/hasil/*/lembar/%.json", h_stage_sheet_vac, true },
	{ M_GET, "/kelola/%/hasil", h_results, false },
	{ M_POST, "/kelola/%/hasil/*", h_results_post, false },
	{ M_GET, "/kelola/%/peringkat", h_ranking, false },
	{ M_POST, "/kelola/%/peringkat/*", h_ranking_post, false },
	{ M_GET, "/kelola/%/peringkat/lembar/%.json", h_ranking_sheet, false },
	/* score part (issue 12): a stage's scoring */
	/* the PPK's choice (issue 14 item 1) */
	{ M_GET, "/kelola/%/pilihan", h_choice, false },
	{ M_POST, "/kelola/%/pilihan/*", h_choice_post, false },
	{ M_GET, "/kelola/%/konsultasi", h_consult, false },
	{ M_POST, "/kelola/%/konsultasi/catat", h_consult_post, false },
	{ M_GET, "/kelola/%/laporan", h_report, false },
	{ M_GET, "/kelola/%/laporan.json", h_report_json, false },
	{ M_POST, "/kelola/%/laporan/*", h_report_post, false },
	{ M_GET, "/kelola/%/pengangkatan", h_appoint, false },
	{ M_POST, "/kelola/%/pengangkatan/catat", h_appoint_post, false },
	{ M_GET, "/kelola/%/tahap/*/nilai", h_score_get, false },
	{ M_GET, "/kelola/%/tahap/*/nilai/semua", h_score_all, false },
	{ M_POST, "/kelola/%/tahap/*/nilai", h_score_post, false },
	/* ---- pdf ---- (issue 13: PDF letters, the verify page) */
	{ M_GET, "/seleksi/%/pengumuman.pdf", h_pdf_announcement, true },
	{ M_GET, "/seleksi/%/dokumen/%.pdf", h_pdf_publication, true },
	{ M_GET, "/seleksi/%/hasil-administrasi.pdf", h_pdf_adm, true },
	{ M_GET, "/seleksi/%/hasil/*.pdf", h_pdf_stage, true },
	{ M_GET, "/kelola/%/peringkat/rahasia.pdf", h_pdf_ranking, false },
	{ M_GET, "/pelamar/lamaran/%/tanda-terima.pdf", h_pdf_receipt, false },
	{ M_GET, "/kelola/%/tahap/*/berita-acara.pdf", h_pdf_minutes, false },
	{ M_GET, "/verifikasi", h_verify_form, false },
	{ M_GET, "/verifikasi/*", h_verify, true },
	/* ---- end pdf ---- */
	/* ---- log ---- (issue 13): the key, checkpoints, proofs; never
	   cached (a cosignature may come from another process) */
	{ M_GET, "/kunci", h_log_key, false },
	{ M_GET, "/log/checkpoint", h_log_checkpoint, false },
	{ M_GET, "/log/checkpoints", h_log_checkpoints, false },
	{ M_GET, "/log/proof", h_log_proof, false },
	{ M_GET, "/log/inclusion", h_log_inclusion, false },
	{ M_GET, "/log/terbitan/%", h_log_pub, false },
	/* ---- end log ---- */
	/* ---- dashboard ---- (issue 14 item 6): a region's figures */
	{ M_GET, "/dasbor/wilayah", h_dash, false },
	{ M_GET, "/dasbor/wilayah.json", h_dash_json, false },
	{ M_GET, "/dasbor/wilayah/%", h_dash_region, false },
	{ M_GET, "/dasbor/wilayah/%.json", h_dash_region_json, false },
	/* ---- end dashboard ---- */
	/* ---- letters ---- (issue 14 items 2-4): the forms that carry a
	   letter's PDF are upload routes (their handlers above); the
	   letters and the report pack's documents as attachments */
	{ M_POST | M_UPLOAD, "/kelola/%/konsultasi/catat", h_consult_post,
	    false },
	{ M_POST | M_UPLOAD, "/kelola/%/laporan/rekomendasi", h_report_post,
	    false },
	{ M_POST | M_UPLOAD, "/kelola/%/laporan/tindaklanjut", h_report_post,
	    false },
	{ M_POST | M_UPLOAD, "/kelola/%/pengangkatan/catat", h_appoint_post,
	    false },
	{ M_GET, "/kelola/%/surat/%.pdf", h_letter, false },
	{ M_GET, "/kelola/%/laporan/dokumen/%.pdf", h_report_doc, false },
	/* ---- end letters ---- */
	/* ---- archive ---- (issue 13 item 5) */
	{ M_GET, "/kelola/%/arsip", h_archive, false },
	/* ---- end archive ---- */
};

const size_t web_nroutes = sizeof web_routes / sizeof *web_routes;
