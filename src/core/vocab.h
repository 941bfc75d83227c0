/*
 * vocab.h - the value vocabularies of CONTRACT.md ("Value vocabularies").
 *
 * Each enum's order is meaningful where the regulation orders the values:
 * grades ascend (I/a < ... < IV/e), echelons ascend from V.a to I.a (so
 * "at least III.a" is >=), education levels ascend, JF levels ascend,
 * ratings ascend.  The word lists are NULL-terminated and indexed by the
 * enum; they are the spellings on the wire.
 */
#ifndef SELTER_CORE_VOCAB_H
#define SELTER_CORE_VOCAB_H

enum employment { EMP_PNS, EMP_CPNS, EMP_PPPK, EMP__N };
enum agency_kind { AG_PROVINCE, AG_REGENCY, AG_CITY, AG_CENTRAL, AG__N };
/* 0 = I/a ... 16 = IV/e */
enum { GRADE__N = 17 };
/* Ascending: 0 = V.a ... 8 = I.a. */
enum echelon { ECH_V_A, ECH_IV_B, ECH_IV_A, ECH_III_B, ECH_III_A, ECH_II_B,
	ECH_II_A, ECH_I_B, ECH_I_A, ECH__N };
enum edu_level { EDU_SD, EDU_SMP, EDU_SMA, EDU_D1, EDU_D2, EDU_D3, EDU_D4,
	EDU_S1, EDU_S2, EDU_S3, EDU__N };
enum cpost_kind { CP_STRUCTURAL, CP_FUNCTIONAL, CP_EXECUTOR, CP__N };
enum jf_level { JF_PERTAMA, JF_MUDA, JF_MADYA, JF_UTAMA, JF__N };
enum pen_kind { PEN_DISCIPLINE, PEN_CRIMINAL, PEN__N };
enum pen_level { PL_LIGHT, PL_MODERATE, PL_HEAVY, PL__N };
/* Ascending. */
enum rating { RT_SANGAT_KURANG, RT_KURANG, RT_BUTUH_PERBAIKAN, RT_BAIK,
	RT_SANGAT_BAIK, RT__N };
enum training { TR_PIM_IV, TR_PIM_III, TR_PIM_II, TR__N };
enum rec_by { REC_PYB, REC_PPK, REC__N };
enum post_level { LV_JPT_PRATAMA, LV_ADMINISTRATOR, LV_PENGAWAS, LV__N };
enum vpost_kind { VK_SEKDA, VK_SEKWAN, VK_INSPEKTUR, VK_DUKCAPIL,
	VK_AGENCY_HEAD, VK_STAFF_EXPERT, VK_CAMAT, VK_LURAH, VK_OTHER, VK__N };
enum origin { OR_INTERNAL, OR_OTHER_AGENCY, OR_ACADEMIC, OR_PROFESSIONAL,
	OR__N };
enum decl { DE_KNOWLEDGE_FIELD, DE_KNOWLEDGE_ASSESSMENT, DE_NO_PARTY,
	DE_NO_PARTY_STAMPED, DE_NO_CONFLICT, DE_INTEGRITY_PACT,
	DE_CODE_OF_ETHICS, DE_GOOD_MORALITY, DE_INDEPENDENT_OF_ORGS, DE__N };
/* What a candidate declares (CANDIDATE.json "declarations"). */
enum cand_decl { CD_NO_MPP, CD__N };
enum stage { ST_PAPER, ST_ASSESSMENT, ST_INTERVIEW, ST_TRACK_RECORD,
	ST__N };
enum day_kind { DK_CALENDAR, DK_WORKING, DK__N };

extern const char *const vocab_employment[];
extern const char *const vocab_agency_kind[];
extern const char *const vocab_grade[];
extern const char *const vocab_echelon[];
extern const char *const vocab_edu[];
extern const char *const vocab_cpost_kind[];
extern const char *const vocab_jf[];
extern const char *const vocab_pen_kind[];
extern const char *const vocab_pen_level[];
extern const char *const vocab_rating[];	/* with the DP-3 aliases */
extern const char *const vocab_training[];	/* with the newer names */
extern const char *const vocab_rec_by[];
extern const char *const vocab_level[];
extern const char *const vocab_vpost_kind[];
extern const char *const vocab_origin[];
extern const char *const vocab_decl[];
extern const char *const vocab_cand_decl[];
extern const char *const vocab_stage[];
extern const char *const vocab_day_kind[];

/* Index in vocab_rating (aliases included) to enum rating. */
enum rating	vocab_rating_value(int index);
/* Index in vocab_training (newer names included) to enum training. */
enum training	vocab_training_value(int index);

/* Indonesian labels for details. */
extern const char *const label_edu[];		/* "S1", "D-IV", ... */
extern const char *const label_jf[];		/* "ahli madya" */
extern const char *const label_rating[];	/* "sangat baik" */
extern const char *const label_training[];	/* "Diklatpim II" */
extern const char *const label_level[];		/* "JPT Pratama" */
extern const char *const label_stage[];		/* "makalah" */
extern const char *const label_origin[];
extern const char *const label_decl[];
extern const char *const label_cand_decl[];	/* "tidak akan ..." */
extern const char *const label_pen_level[];	/* "ringan" */
/* For forms and summaries: a value set's labels, capitalized. */
extern const char *const label_pen_level_cap[];	/* "Ringan" */
extern const char *const label_employment[];	/* "PNS" */
extern const char *const label_agency_kind[];	/* "Pemerintah kota" */
extern const char *const label_grade[];		/* "IV/a (Pembina)" */
extern const char *const label_cpost_kind[];	/* "Struktural" */
extern const char *const label_pen_kind[];	/* "Hukuman disiplin" */
extern const char *const label_rec_by[];	/* "PyB (...)" */
extern const char *const label_vpost_kind[];	/* "Sekretaris Daerah" */

#endif
