#include <stddef.h>

#include "core/vocab.h"
#include "base/banned.h"

const char *const vocab_employment[] = { "pns", "cpns", "pppk", NULL };
const char *const vocab_agency_kind[] = { "province", "regency", "city",
	"central", NULL };
const char *const vocab_grade[] = { "I/a", "I/b", "I/c", "I/d", "II/a",
	"II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a",
	"IV/b", "IV/c", "IV/d", "IV/e", NULL };
const char *const vocab_echelon[] = { "V.a", "IV.b", "IV.a", "III.b",
	"III.a", "II.b", "II.a", "I.b", "I.a", NULL };
const char *const vocab_edu[] = { "SD", "SMP", "SMA", "D1", "D2", "D3",
	"D4", "S1", "S2", "S3", NULL };
const char *const vocab_cpost_kind[] = { "structural", "functional",
	"executor", NULL };
const char *const vocab_jf[] = { "ahli_pertama", "ahli_muda", "ahli_madya",
	"ahli_utama", NULL };
const char *const vocab_pen_kind[] = { "discipline", "criminal", NULL };
const char *const vocab_pen_level[] = { "light", "moderate", "heavy",
	NULL };
/* The first five are enum rating; the DP-3 words follow. */
const char *const vocab_rating[] = { "sangat_kurang", "kurang",
	"butuh_perbaikan", "baik", "sangat_baik", "buruk", "sedang", "cukup",
	"amat_baik", NULL };
const char *const vocab_training[] = { "pim_iv", "pim_iii", "pim_ii",
	"pkp", "pka", "pkn_ii", NULL };
const char *const vocab_rec_by[] = { "pyb", "ppk", NULL };
const char *const vocab_level[] = { "jpt_pratama", "administrator",
	"pengawas", NULL };
const char *const vocab_vpost_kind[] = { "sekda", "sekwan", "inspektur",
	"dukcapil", "agency_head", "staff_expert", "camat", "lurah", "other",
	NULL };
const char *const vocab_origin[] = { "internal", "other_agency", "academic",
	"professional", NULL };
const char *const vocab_decl[] = { "knowledge_field", "knowledge_assessment",
	"no_party", "no_party_stamped", "no_conflict", "integrity_pact",
	"code_of_ethics", "good_morality", "independent_of_orgs", NULL };
const char *const vocab_cand_decl[] = { "no_mpp", NULL };
const char *const vocab_stage[] = { "paper", "assessment", "interview",
	"track_record", NULL };
const char *const vocab_day_kind[] = { "calendar", "working", NULL };

enum rating
vocab_rating_value(int i)
{
	/* buruk -> sangat_kurang, sedang -> kurang, cukup -> butuh_perbaikan,
	 * amat_baik -> sangat_baik (CONTRACT.md). */
	static const enum rating alias[] = { RT_SANGAT_KURANG, RT_KURANG,
	    RT_BUTUH_PERBAIKAN, RT_SANGAT_BAIK };

	return i < RT__N ? (enum rating)i : alias[i - RT__N];
}

enum training
vocab_training_value(int i)
{
	/* pkp -> pim_iv, pka -> pim_iii, pkn_ii -> pim_ii. */
	return (enum training)(i % TR__N);
}

const char *const label_edu[] = { "SD", "SMP", "SMA", "D-I", "D-II",
	"D-III", "D-IV", "S1", "S2", "S3" };
const char *const label_jf[] = { "ahli pertama", "ahli muda", "ahli madya",
	"ahli utama" };
const char *const label_rating[] = { "sangat kurang", "kurang",
	"butuh perbaikan", "baik", "sangat baik" };
const char *const label_training[] = { "Diklatpim IV (PKP)",
	"Diklatpim III (PKA)", "Diklatpim II (PKN II)" };
const char *const label_level[] = { "JPT Pratama", "Jabatan Administrator",
	"Jabatan Pengawas" };
const char *const label_stage[] = { "makalah", "assessment center",
	"wawancara", "rekam jejak" };
const char *const label_origin[] = { "internal instansi",
	"instansi lain terkait", "akademisi", "profesional/pakar" };
const char *const label_decl[] = {
	"menguasai bidang jabatan",
	"memahami penilaian kompetensi",
	"bukan anggota/pengurus partai politik",
	"pernyataan bermeterai bukan anggota partai politik",
	"tidak memiliki potensi konflik kepentingan",
	"menandatangani pakta integritas",
	"mengikuti kode etik",
	"bermoral baik, berintegritas dan beretika",
	"independen dari partai politik dan organisasi kemasyarakatan",
};
const char *const label_cand_decl[] = {
	"tidak akan mengajukan masa persiapan pensiun (MPP)",
};
const char *const label_pen_level[] = { "ringan", "sedang", "berat" };
const char *const label_pen_level_cap[] = { "Ringan", "Sedang", "Berat" };
const char *const label_employment[] = { "PNS", "CPNS", "PPPK" };
const char *const label_agency_kind[] = { "Pemerintah provinsi",
	"Pemerintah kabupaten", "Pemerintah kota", "Instansi pusat" };
/* The ranks of PP 99/2000 beside each grade. */
const char *const label_grade[] = { "I/a (Juru Muda)",
	"I/b (Juru Muda Tingkat I)", "I/c (Juru)", "I/d (Juru Tingkat I)",
	"II/a (Pengatur Muda)", "II/b (Pengatur Muda Tingkat I)",
	"II/c (Pengatur)", "II/d (Pengatur Tingkat I)",
	"III/a (Penata Muda)", "III/b (Penata Muda Tingkat I)",
	"III/c (Penata)", "III/d (Penata Tingkat I)", "IV/a (Pembina)",
	"IV/b (Pembina Tingkat I)", "IV/c (Pembina Utama Muda)",
	"IV/d (Pembina Utama Madya)", "IV/e (Pembina Utama)" };
const char *const label_cpost_kind[] = { "Struktural", "Fungsional",
	"Pelaksana" };
const char *const label_pen_kind[] = { "Hukuman disiplin",
	"Pidana (putusan pengadilan)" };
const char *const label_rec_by[] = { "PyB (pejabat yang berwenang)",
	"PPK (pejabat pembina kepegawaian)" };

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
_Static_assert(NELEM(label_pen_level_cap) == PL__N, "label_pen_level_cap");
_Static_assert(NELEM(label_employment) == EMP__N, "label_employment");
_Static_assert(NELEM(label_agency_kind) == AG__N, "label_agency_kind");
_Static_assert(NELEM(label_grade) == GRADE__N, "label_grade");
_Static_assert(NELEM(label_cpost_kind) == CP__N, "label_cpost_kind");
_Static_assert(NELEM(label_pen_kind) == PEN__N, "label_pen_kind");
_Static_assert(NELEM(label_rec_by) == REC__N, "label_rec_by");
const char *const label_vpost_kind[] = {
	"Sekretaris Daerah", "Sekretaris DPRD", "Inspektur",
	"Kepala Dinas Kependudukan dan Pencatatan Sipil",
	"Kepala perangkat daerah (dinas, badan)", "Staf ahli", "Camat",
	"Lurah", "Jabatan lain",
};
_Static_assert(NELEM(label_vpost_kind) == VK__N, "label_vpost_kind");
