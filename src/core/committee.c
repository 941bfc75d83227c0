/*
 * committee.c - COM-SIZE, COM-INTERNAL-MAX, COM-ELEMENTS,
 * COM-INTERNAL-RANK, COM-ASSESSOR, COM-MEMBER.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "core/committee.h"
#include "core/profile.h"
#include "core/record.h"
#include "base/banned.h"

enum sel_err
committee_decode(struct arena *a, const struct json *o, struct committee *c,
    struct diag *d)
{
	const struct json *arr;

	memset(c, 0, sizeof(*c));
	if (o->type != JSON_OBJECT)
		return json_fail(d, o, "a committee is a JSON object");
	if (json_arr_member(d, o, "members", true, &arr) != SEL_OK)
		return SEL_EINVAL;
	c->m = arena_array(a, arr->count, sizeof(*c->m));
	for (const struct json *e = arr->head; e != NULL; e = e->next) {
		struct member *m = &c->m[c->n++];
		const struct json *v, *decl;
		struct str role = STR_NULL;
		int x;

		if (e->type != JSON_OBJECT)
			return json_fail(d, e, "a member is a JSON object");
		m->echelon = -1;
		if (json_str_member(d, e, "name", true, &m->name, NULL) ||
		    json_str_member(d, e, "role", false, &role, NULL) ||
		    json_bool_member(d, e, "assessor", false, &m->assessor,
		    NULL) ||
		    json_obj_member(d, e, "declarations", false, &decl))
			return SEL_EINVAL;
		if ((v = json_get(e, "origin")) == NULL)
			return json_fail_key(d, e, "origin", "required field "
			    "is missing");
		if (json_enum(d, v, vocab_origin, &x) != SEL_OK)
			return SEL_EINVAL;
		m->origin = (enum origin)x;
		if (!json_absent(v = json_get(e, "echelon"))) {
			if (json_enum(d, v, vocab_echelon, &m->echelon))
				return SEL_EINVAL;
		}
		m->chair = str_eqc(role, "chair");
		for (int k = 0; k < DE__N; k++) {
			v = json_get(decl, vocab_decl[k]);
			if (json_absent(v))
				continue;
			if (v->type != JSON_BOOL)
				return json_fail(d, v, "expected true or "
				    "false, got %s", json_type_name(v->type));
			m->decl[k] = v->b ? DS_TRUE : DS_FALSE;
		}
	}
	return SEL_OK;
}

struct cctx {
	struct arena		*a;
	const struct vacancy	*v;
	const struct committee	*c;
	struct com_out		*out;
};

static void
put(struct cctx *x, const struct prof_rule *r, enum rule_status st,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
put(struct cctx *x, const struct prof_rule *r, enum rule_status st,
    const char *fmt, ...)
{
	struct rule_result *res = &x->out->rules[x->out->nrules++];
	va_list ap;

	va_start(ap, fmt);
	res->detail = arena_vprintf(x->a, fmt, ap);
	va_end(ap);
	res->id = r->id;
	res->status = st;
	res->citation = r->citation;
}

static void
c_size(struct cctx *x, const struct prof_rule *r)
{
	size_t n = x->c->n;
	bool odd_ok = !r->odd || n % 2 == 1;
	bool ok = odd_ok && n >= (size_t)r->min && n <= (size_t)r->max;

	put(x, r, ok ? RS_PASS : RS_FAIL, "Panitia seleksi berjumlah %zu "
	    "orang (%s); syarat %spaling sedikit %d dan paling banyak %d "
	    "orang.", n, n % 2 ? "ganjil" : "genap", r->odd ? "ganjil, " : "",
	    r->min, r->max);
}

static void
c_internal_max(struct cctx *x, const struct prof_rule *r)
{
	size_t n = x->c->n, k = 0;
	unsigned long tenths;

	for (size_t i = 0; i < n; i++)
		k += x->c->m[i].origin == OR_INTERNAL;
	if (n == 0) {
		put(x, r, RS_FAIL, "Panitia seleksi belum beranggota.");
		return;
	}
	tenths = (unsigned long)((k * 1000 + n / 2) / n);
	put(x, r, k * 100 <= (size_t)r->max_percent * n ? RS_PASS : RS_FAIL,
	    "%zu dari %zu anggota (%lu,%lu%%) berasal dari internal; paling "
	    "banyak %d%%.", k, n, tenths / 10, tenths % 10, r->max_percent);
}

static void
c_elements(struct cctx *x, const struct prof_rule *r)
{
	int have[3] = { 0, 0, 0 }, unsure[3] = { 0, 0, 0 };
	static const char *const what[3] = { "pejabat internal",
	    "pejabat instansi lain yang terkait", "akademisi/pakar/profesional" };
	char miss[200];
	size_t off = 0;
	bool fail = false, missing = false;

	for (size_t i = 0; i < x->c->n; i++) {
		const struct member *m = &x->c->m[i];
		int el = m->origin == OR_INTERNAL ? 0 :
		    m->origin == OR_OTHER_AGENCY ? 1 : 2;

		if (el < 2 && r->official_min_echelon >= 0) {
			if (m->echelon < 0) {
				unsure[el]++;
				continue;
			}
			if (m->echelon < r->official_min_echelon)
				continue;
		}
		have[el]++;
	}
	miss[0] = '\0';
	for (int el = 0; el < 3; el++) {
		if (have[el] > 0)
			continue;
		if (unsure[el] > 0)
			missing = true;
		else
			fail = true;
		str_appendf(miss, sizeof(miss), &off, "%s%s", off ? ", " : "",
		    what[el]);
	}
	if (!fail && !missing)
		put(x, r, RS_PASS, "Ketiga unsur ada: %d pejabat internal, %d "
		    "pejabat instansi lain, %d akademisi/pakar/profesional.",
		    have[0], have[1], have[2]);
	else if (r->official_min_echelon >= 0)
		put(x, r, fail ? RS_FAIL : RS_MISSING, "Unsur %s %s (unsur "
		    "pejabat harus pejabat pimpinan tinggi, paling rendah eselon "
		    "%s).", miss, fail ? "tidak ada" : "belum pasti karena "
		    "eselon tidak tercantum",
		    vocab_echelon[r->official_min_echelon]);
	else
		put(x, r, fail ? RS_FAIL : RS_MISSING, "Unsur %s tidak ada.",
		    miss);
}

static void
c_internal_rank(struct cctx *x, const struct prof_rule *r)
{
	char low[300], unk[300];
	size_t ol = 0, ou = 0;

	if (x->v->echelon < 0) {
		put(x, r, RS_MISSING, "Eselon jabatan yang lowong tidak "
		    "tercantum, sehingga kedudukan anggota internal tidak dapat "
		    "dibandingkan.");
		return;
	}
	low[0] = unk[0] = '\0';
	for (size_t i = 0; i < x->c->n; i++) {
		const struct member *m = &x->c->m[i];

		if (m->origin != OR_INTERNAL)
			continue;
		if (m->echelon < 0)
			str_appendf(unk, sizeof(unk), &ou, "%s%.*s", ou ? ", " :
			    "", (int)m->name.len, m->name.p);
		else if (m->echelon < x->v->echelon)
			str_appendf(low, sizeof(low), &ol, "%s%.*s (%s)", ol ?
			    ", " : "", (int)m->name.len, m->name.p,
			    vocab_echelon[m->echelon]);
	}
	if (ol > 0)
		put(x, r, RS_FAIL, "Anggota internal berkedudukan di bawah "
		    "jabatan yang akan diisi (eselon %s): %s.",
		    vocab_echelon[x->v->echelon], low);
	else if (ou > 0)
		put(x, r, RS_MISSING, "Eselon anggota internal tidak tercantum: "
		    "%s.", unk);
	else
		put(x, r, RS_PASS, "Setiap anggota internal berkedudukan paling "
		    "rendah sama dengan jabatan yang akan diisi (eselon %s).",
		    vocab_echelon[x->v->echelon]);
}

static void
c_assessor(struct cctx *x, const struct prof_rule *r)
{
	int k = 0;

	for (size_t i = 0; i < x->c->n; i++)
		k += x->c->m[i].assessor;
	put(x, r, k >= r->min ? RS_PASS : RS_FAIL, "%d anggota adalah penilai "
	    "kompetensi (assessor); paling sedikit %d.", k, r->min);
}

static void
c_member(struct cctx *x, const struct prof_rule *r)
{
	char bad[700], unk[700];
	size_t ob = 0, ou = 0;

	bad[0] = unk[0] = '\0';
	for (size_t i = 0; i < x->c->n; i++) {
		const struct member *m = &x->c->m[i];

		for (int k = 0; k < DE__N; k++) {
			char *dst = m->decl[k] == DS_FALSE ? bad : unk;
			size_t *off = m->decl[k] == DS_FALSE ? &ob : &ou;

			if (!(r->declarations >> k & 1) ||
			    m->decl[k] == DS_TRUE)
				continue;
			str_appendf(dst, sizeof(bad), off, "%s%.*s: %s", *off ?
			    "; " : "", (int)m->name.len, m->name.p,
			    label_decl[k]);
		}
	}
	if (ob > 0)
		put(x, r, RS_FAIL, "Pernyataan tidak dipenuhi - %s.", bad);
	else if (ou > 0)
		put(x, r, RS_MISSING, "Pernyataan belum dibuat - %s.", unk);
	else
		put(x, r, RS_PASS, "Setiap anggota (%zu orang) telah menyatakan "
		    "semua syarat keanggotaan.", x->c->n);
}

void
committee_eval(struct arena *a, const struct profile *p,
    const struct vacancy *v, const struct committee *c, struct com_out *out)
{
	struct cctx x = { a, v, c, out };
	static const enum rule_id order[] = { R_COM_SIZE, R_COM_INTERNAL_MAX,
	    R_COM_ELEMENTS, R_COM_INTERNAL_RANK, R_COM_ASSESSOR,
	    R_COM_MEMBER };

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		const struct prof_rule *r = profile_rule(p, order[i], v);

		if (r == NULL)
			continue;
		switch (order[i]) {
		case R_COM_SIZE:		c_size(&x, r); break;
		case R_COM_INTERNAL_MAX:	c_internal_max(&x, r); break;
		case R_COM_ELEMENTS:		c_elements(&x, r); break;
		case R_COM_INTERNAL_RANK:	c_internal_rank(&x, r); break;
		case R_COM_ASSESSOR:		c_assessor(&x, r); break;
		case R_COM_MEMBER:		c_member(&x, r); break;
		default:			break;
		}
	}
	out->valid = true;
	for (size_t i = 0; i < out->nrules; i++)
		out->valid &= out->rules[i].status == RS_PASS;
}
