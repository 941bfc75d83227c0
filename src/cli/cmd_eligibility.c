/*
 * cmd_eligibility.c - `selter eligibility`: one candidate, or a JSON-lines
 * export streamed in batches (memory does not grow with the file).
 *
 * Batch pipeline: the main thread reads lines into a ring of slots and
 * writes finished slots in input order; --jobs worker threads screen the
 * slots.  Each worker owns one arena, reset per line.  The profile and the
 * vacancy are read-only after loading, so workers share them.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/load.h"
#include "base/arena.h"
#include "cli/cli.h"
#include "core/elig.h"
#include "core/profile.h"
#include "core/record.h"
#include "base/banned.h"

static const char help[] =
    "usage: selter eligibility --profile ID|FILE --post POST.json\n"
    "           (--candidate CANDIDATE.json | --candidates FILE.jsonl)\n"
    "           [--as-of DATE] [--appointment DATE] [--jobs N]\n"
    "           [--format json|table] [--profiles DIR]\n"
    "\n"
    "Decides every ELIG-* rule the profile has for the post: pass, fail or\n"
    "missing, each with a Bahasa Indonesia detail and its citation; lists\n"
    "the committee's checklist and the \"diutamakan\" advisories.  verdict\n"
    "is ineligible if a rule fails, else incomplete if one is missing, else\n"
    "eligible.\n"
    "\n"
    "  --as-of DATE        closing date of registration (default: today in\n"
    "                      the region's time zone)\n"
    "  --appointment DATE  planned appointment date (default: --as-of);\n"
    "                      the age limit is measured there\n"
    "  --candidates FILE   one candidate per line (\"-\": standard input);\n"
    "                      prints one result per line in input order with\n"
    "                      \"nip\" added; a bad line is reported on standard\n"
    "                      error with its line number and yields\n"
    "                      {\"nip\": ..., \"error\": ...} in its place\n"
    "  --profiles DIR      look profile ids up in DIR (default:\n"
    "                      $SELTER_PROFILES, else $SELTER_DATA/profiles);\n"
    "                      the holidays stay in the data directory\n"
    "  --jobs N            worker threads for --candidates (default 1)\n"
    "                      (when standard error is a terminal, a progress\n"
    "                      line shows the lines screened so far)\n"
    "\n"
    "Beyond CONTRACT.md (a compatible extension): CANDIDATE.json may carry\n"
    "\"declarations\": {\"no_mpp\": true}, the candidate's written statement\n"
    "not to request pre-retirement leave (MPP); ELIG-AGE reads it where the\n"
    "profile allows a higher age limit with it (true: the higher limit,\n"
    "false: not, absent: missing).  A profile entry may make ELIG-TRAINING\n"
    "mandatory: it is then a rule with pass, fail or missing, not an\n"
    "advisory.\n"
    "\n"
    "Example:\n"
    "  selter eligibility --profile demak-2022 --post post.json \\\n"
    "      --candidate budi.json --as-of 2023-03-15 --appointment 2023-06-01\n"
    "  -> {\"verdict\": \"eligible\", \"rules\": [{\"id\": \"ELIG-GRADE\", "
    "\"status\": \"pass\", ...}], ...}\n";

#define MAX_LINE	(1u << 20)	/* longest candidate line */
#define SLOT_LINES	256
#define SLOT_BYTES	(512u << 10)

struct job {
	const struct profile	*p;
	const struct vacancy	*v;
	struct elig_plan	 plan;
	sel_date		 as_of;
	sel_date		 appt;
	const char		*file;
	int			 fmt;
	struct str		 header;	/* table format: printed first */
	struct str		 warning;	/* emergency procedure expired */
	struct elig_lines	*lines;		/* batch JSON pieces */
	const struct cand_words	*words;		/* for candidate_scan */
};

static const char *
verdict_id(enum verdict v)
{
	static const char *const names[] = { "MEMENUHI SYARAT",
	    "DATA BELUM LENGKAP", "TIDAK MEMENUHI SYARAT" };

	return names[v];
}

static void
elig_table(struct buf *b, const struct elig_out *o, const struct candidate *c)
{
	buf_printf(b, "Kandidat : %.*s (NIP %.*s)\nKeputusan: %s\n\n",
	    (int)c->name.len, c->name.p, (int)c->nip.len, c->nip.p,
	    verdict_id(o->verdict));
	buf_printf(b, "  %-21s %-11s %s\n", "ATURAN", "STATUS",
	    "KETERANGAN");
	tb_rules(b, o->rules, o->nrules);
	if (o->nchecklist > 0)
		buf_puts(b, "\nDinilai panitia (checklist):\n");
	for (size_t i = 0; i < o->nchecklist; i++) {
		buf_printf(b, "  %-21s ", rule_name(o->checklist[i].id));
		tb_wrap(b, o->checklist[i].detail, 24, 100);
		buf_printf(b, "\n%24sDasar: ", "");
		tb_wrap(b, o->checklist[i].citation, 31, 100);
		buf_putc(b, '\n');
	}
	if (o->nadvisories > 0)
		buf_puts(b, "\nDiutamakan (tidak memengaruhi keputusan):\n");
	for (size_t i = 0; i < o->nadvisories; i++) {
		buf_printf(b, "  %-21s %-11s ", rule_name(o->advisories[i].id),
		    o->advisories[i].met ? "TERPENUHI" : "BELUM");
		tb_wrap(b, o->advisories[i].detail, 36, 100);
		buf_putc(b, '\n');
	}
}

/* One batch line: result or error into out, the stderr line into err. */
static void
screen_line(const struct job *j, struct arena *a, const char *line,
    size_t len, unsigned long lineno, bool too_long, struct buf *out,
    struct buf *err, unsigned long counts[4])
{
	struct json *root = NULL;
	struct candidate c;
	struct elig_out o;
	struct diag d;
	struct json_w w;
	const struct json *nip = NULL;

	arena_reset(a);
	if (too_long) {
		snprintf(d.msg, sizeof(d.msg), "line longer than %u bytes",
		    MAX_LINE);
		goto bad;
	}
	/* The fast path decides most lines; the tree decides the rest and
	 * words every error (record.h). */
	if (candidate_scan(a, j->words, line, len, &c) != SEL_OK) {
		if (json_parse(a, line, len, (uint32_t)lineno, false, &root,
		    &d))
			goto bad;
		nip = json_get(root, "nip");
		if (candidate_decode(a, root, &c, &d) != SEL_OK)
			goto bad;
	}
	elig_eval_plan(a, &j->plan, &c, j->as_of, j->appt, &o);
	counts[o.verdict]++;
	if (j->fmt == FMT_TABLE) {
		const struct rule_result *r = o.rules;
		size_t off = 0;
		char ids[200];

		ids[0] = '\0';
		for (size_t i = 0; i < o.nrules; i++)
			if (r[i].status != RS_PASS)
				str_appendf(ids, sizeof(ids), &off, "%s%s%s",
				    off ? " " : "", rule_name(r[i].id),
				    r[i].status == RS_FAIL ? "" : "?");
		buf_printf(out, "%-18.*s %-26.*s %-22s %s\n", (int)c.nip.len,
		    c.nip.p, (int)(c.name.len > 26 ? 26 : c.name.len), c.name.p,
		    verdict_id(o.verdict), off ? ids : "-");
		return;
	}
	elig_lines_put(out, j->lines, &o, c.nip);
	return;
bad:
	counts[3]++;
	buf_printf(err, "selter: %s:%lu: %s\n", j->file, lineno, d.msg);
	if (j->fmt == FMT_TABLE) {
		buf_printf(out, "%-18s %-26s %-22s %s\n", "-", "-",
		    "DATA TIDAK SAH", d.msg);
		return;
	}
	jw_init(&w, out);
	jw_obj(&w);
	jw_key(&w, "nip");
	if (nip != NULL && nip->type == JSON_STRING)
		jw_str(&w, nip->s);
	else
		jw_null(&w);
	jw_key(&w, "error");
	jw_strc(&w, d.msg);
	jw_obj_end(&w);
	buf_putc(out, '\n');
}

/* A bounded line reader over a file descriptor. */
struct reader {
	int		 fd;
	char		*buf;
	size_t		 cap, start, end;
	bool		 eof;
	unsigned long	 lineno;
	unsigned long long nread;	/* bytes read so far */
};

/* 1 with a line, 0 at the end, -1 on a read error. */
static int
next_line(struct reader *r, const char **line, size_t *len, bool *too_long)
{
	*too_long = false;
	for (;;) {
		char *nl = memchr(r->buf + r->start, '\n', r->end - r->start);
		ssize_t n;

		if (nl != NULL || (r->eof && r->end > r->start)) {
			size_t e = nl != NULL ? (size_t)(nl - r->buf) : r->end;

			*line = r->buf + r->start;
			*len = e - r->start;
			r->start = nl != NULL ? e + 1 : e;
			r->lineno++;
			return 1;
		}
		if (r->eof)
			return 0;
		if (r->start > 0) {
			memmove(r->buf, r->buf + r->start, r->end - r->start);
			r->end -= r->start;
			r->start = 0;
		}
		if (r->end == r->cap) {
			/* Too long: drop it up to its newline. */
			*too_long = true;
			r->end = 0;
			for (;;) {
				n = read(r->fd, r->buf, r->cap);
				if (n < 0 && errno == EINTR)
					continue;
				if (n <= 0) {
					r->eof = true;
					break;
				}
				nl = memchr(r->buf, '\n', (size_t)n);
				if (nl != NULL) {
					r->start = (size_t)(nl - r->buf) + 1;
					r->end = (size_t)n;
					break;
				}
			}
			if (n < 0)
				return -1;
			*line = "";
			*len = 0;
			r->lineno++;
			return 1;
		}
		n = read(r->fd, r->buf + r->end, r->cap - r->end);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			r->eof = true;
		r->end += (size_t)n;
		r->nread += (unsigned long long)n;
	}
}

enum { SLOT_EMPTY, SLOT_FILLED, SLOT_DONE };

struct slot {
	char		*in;
	size_t		 inlen;
	size_t		 off[SLOT_LINES], len[SLOT_LINES];
	unsigned long	 lineno[SLOT_LINES];
	bool		 too_long[SLOT_LINES];
	size_t		 n;
	struct buf	 out, err;
	int		 state;
	unsigned long	 seq;
};

struct pipe {
	const struct job *j;
	struct slot	*s;
	size_t		 ns;
	unsigned long	 filled;	/* batches handed out so far */
	unsigned long	 next_work;
	bool		 done_reading;
	unsigned long	 counts[4];
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
};

static void
slot_work(const struct job *j, struct arena *a, struct slot *s,
    unsigned long counts[4])
{
	buf_reset(&s->out);
	buf_reset(&s->err);
	for (size_t i = 0; i < s->n; i++)
		screen_line(j, a, s->in + s->off[i], s->len[i], s->lineno[i],
		    s->too_long[i], &s->out, &s->err, counts);
}

static void *
worker(void *arg)
{
	struct pipe *p = arg;
	struct arena *a = arena_new(64 << 10);
	unsigned long counts[4] = { 0, 0, 0, 0 };

	pthread_mutex_lock(&p->mu);
	for (;;) {
		struct slot *s;

		while (p->next_work == p->filled && !p->done_reading)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->next_work == p->filled)
			break;
		s = &p->s[p->next_work++ % p->ns];
		pthread_mutex_unlock(&p->mu);
		slot_work(p->j, a, s, counts);
		pthread_mutex_lock(&p->mu);
		s->state = SLOT_DONE;
		pthread_cond_broadcast(&p->cv);
	}
	for (int k = 0; k < 4; k++)
		p->counts[k] += counts[k];
	pthread_mutex_unlock(&p->mu);
	arena_destroy(a);
	return NULL;
}

static int	write_all(int, const struct buf *);

/*
 * A progress line on standard error while a long batch runs, only when
 * standard error is a terminal (scripts see nothing but the results).
 */
struct progress {
	bool		 on;
	unsigned long	 lines;
	unsigned long long size;	/* of the input file; 0 if unknown */
	struct timespec	 last;
};

static void
progress_init(struct progress *pg, int fd)
{
	struct stat st;

	memset(pg, 0, sizeof(*pg));
	pg->on = isatty(STDERR_FILENO) == 1;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		pg->size = (unsigned long long)st.st_size;
	clock_gettime(CLOCK_MONOTONIC, &pg->last);
}

static void
progress_show(struct progress *pg, const struct reader *r, size_t lines,
    bool final)
{
	struct timespec now;
	long ms;

	pg->lines += lines;
	if (!pg->on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (now.tv_sec - pg->last.tv_sec) * 1000 +
	    (now.tv_nsec - pg->last.tv_nsec) / 1000000;
	if (!final && ms < 250)
		return;
	pg->last = now;
	if (pg->size > 0)
		fprintf(stderr, "\r\033[Kselter: %lu baris diperiksa (%llu%%)%s",
		    pg->lines, r->nread * 100 / pg->size, final ? "\n" : "");
	else
		fprintf(stderr, "\r\033[Kselter: %lu baris diperiksa%s",
		    pg->lines, final ? "\n" : "");
}

/* Writes a finished slot: results out, error lines (if any) to stderr. */
static int
slot_write(struct slot *s, struct progress *pg, const struct reader *r)
{
	int rc = 0;

	if (write_all(STDOUT_FILENO, &s->out) != 0)
		rc = -1;
	if (s->err.len > 0 && pg->on)
		fputs("\r\033[K", stderr);
	(void)write_all(STDERR_FILENO, &s->err);
	progress_show(pg, r, s->n, false);
	return rc;
}

static int
write_all(int fd, const struct buf *b)
{
	size_t off = 0;

	while (off < b->len) {
		ssize_t w = write(fd, b->p + off, b->len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		off += (size_t)w;
	}
	return 0;
}

/* Fills s from the reader; 0 when the input is exhausted. */
static int
slot_fill(struct reader *r, struct slot *s, int *rerr)
{
	const char *line;
	size_t len;
	bool too_long;

	s->n = 0;
	s->inlen = 0;
	while (s->n < SLOT_LINES && s->inlen < SLOT_BYTES) {
		int got = next_line(r, &line, &len, &too_long);

		if (got < 0)
			*rerr = errno;
		if (got <= 0)
			break;
		if (len == 0 && !too_long)
			continue;	/* blank lines are skipped */
		if (len > MAX_LINE) {
			/* The reader's buffer holds a little more. */
			too_long = true;
			len = 0;
		}
		/* Fits: inlen < SLOT_BYTES and len <= MAX_LINE. */
		memcpy(s->in + s->inlen, line, len);
		s->off[s->n] = s->inlen;
		s->len[s->n] = len;
		s->lineno[s->n] = r->lineno;
		s->too_long[s->n] = too_long;
		s->inlen += len;
		s->n++;
	}
	return s->n > 0;
}

static int
batch(const struct job *j, const char *path, int jobs)
{
	struct reader r = { .cap = MAX_LINE + (64u << 10) };
	struct pipe p = { .j = j };
	pthread_t *th = NULL;
	struct arena *one;
	struct progress pg;
	unsigned long written = 0;
	int rerr = 0, rc = EXIT_RESULT;

	r.fd = strcmp(path, "-") == 0 ? STDIN_FILENO :
	    open(path, O_RDONLY | O_CLOEXEC);
	if (r.fd < 0)
		return die(EXIT_BADINPUT, "%s: cannot open: %s", path,
		    strerror(errno));
	progress_init(&pg, r.fd);
	if (j->header.len > 0 && write(STDOUT_FILENO, j->header.p,
	    j->header.len) < 0)
		return die(EXIT_INTERNAL, "cannot write the output");
	r.buf = xmalloc(r.cap);
	p.ns = (size_t)jobs * 2;
	p.s = xmalloc(p.ns * sizeof(*p.s));
	memset(p.s, 0, p.ns * sizeof(*p.s));
	for (size_t i = 0; i < p.ns; i++) {
		p.s[i].in = xmalloc(SLOT_BYTES + MAX_LINE);
		buf_init(&p.s[i].out, 1u << 30);
		buf_init(&p.s[i].err, 1u << 30);
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	if (jobs > 1) {
		th = xmalloc((size_t)jobs * sizeof(*th));
		for (int i = 0; i < jobs; i++)
			pthread_create(&th[i], NULL, worker, &p);
	}
	one = jobs == 1 ? arena_new(64 << 10) : NULL;
	for (;;) {
		struct slot *s = &p.s[p.filled % p.ns];
		int more;

		if (jobs == 1) {
			if (!slot_fill(&r, s, &rerr))
				break;
			slot_work(j, one, s, p.counts);
			if (slot_write(s, &pg, &r) != 0) {
				rc = die(EXIT_INTERNAL, "cannot write the "
				    "output: %s", strerror(errno));
				break;
			}
			continue;
		}
		/* Wait until the slot to fill has been written. */
		pthread_mutex_lock(&p.mu);
		while (s->state != SLOT_EMPTY) {
			struct slot *wslot = &p.s[written % p.ns];

			if (wslot->state == SLOT_DONE) {
				pthread_mutex_unlock(&p.mu);
				if (slot_write(wslot, &pg, &r) != 0)
					rc = EXIT_INTERNAL;
				pthread_mutex_lock(&p.mu);
				wslot->state = SLOT_EMPTY;
				written++;
				continue;
			}
			pthread_cond_wait(&p.cv, &p.mu);
		}
		pthread_mutex_unlock(&p.mu);
		more = slot_fill(&r, s, &rerr);
		pthread_mutex_lock(&p.mu);
		if (more) {
			s->state = SLOT_FILLED;
			p.filled++;
		} else {
			p.done_reading = true;
		}
		pthread_cond_broadcast(&p.cv);
		pthread_mutex_unlock(&p.mu);
		if (!more)
			break;
	}
	if (jobs > 1) {
		/* Drain: write what remains in order. */
		pthread_mutex_lock(&p.mu);
		while (written < p.filled) {
			struct slot *wslot = &p.s[written % p.ns];

			if (wslot->state != SLOT_DONE) {
				pthread_cond_wait(&p.cv, &p.mu);
				continue;
			}
			pthread_mutex_unlock(&p.mu);
			if (slot_write(wslot, &pg, &r) != 0)
				rc = EXIT_INTERNAL;
			pthread_mutex_lock(&p.mu);
			wslot->state = SLOT_EMPTY;
			written++;
		}
		pthread_mutex_unlock(&p.mu);
		for (int i = 0; i < jobs; i++)
			pthread_join(th[i], NULL);
		free(th);
	}
	arena_destroy(one);
	progress_show(&pg, &r, 0, true);
	if (rerr != 0)
		rc = die(EXIT_BADINPUT, "%s: read error: %s", path,
		    strerror(rerr));
	if (j->fmt == FMT_TABLE && rc == EXIT_RESULT) {
		char sum[300];
		int n = snprintf(sum, sizeof(sum), "\nJumlah: %lu memenuhi "
		    "syarat, %lu data belum lengkap, %lu tidak memenuhi syarat, "
		    "%lu baris tidak sah.\n(? = kurang data; tanpa tanda = "
		    "gagal)\n", p.counts[0], p.counts[1], p.counts[2],
		    p.counts[3]);

		if (n > 0 && write(STDOUT_FILENO, sum, (size_t)n) < 0)
			rc = EXIT_INTERNAL;
	}
	for (size_t i = 0; i < p.ns; i++) {
		free(p.s[i].in);
		buf_release(&p.s[i].out);
		buf_release(&p.s[i].err);
	}
	free(p.s);
	free(r.buf);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv);
	if (r.fd != STDIN_FILENO)
		close(r.fd);
	return rc;
}

static int
single(struct arena *a, const struct job *j, const char *path)
{
	struct json *root;
	struct candidate c;
	struct elig_out o;
	struct app_err e;
	struct diag d;
	struct json_w w;
	struct buf b;
	int rc;

	if (app_read_json(a, path, &root, &e) != SEL_OK)
		return die(EXIT_BADINPUT, "%s", e.msg);
	if (candidate_decode(a, root, &c, &d) != SEL_OK)
		return bad_doc(path, &d);
	elig_eval(a, j->p, j->v, &c, j->as_of, j->appt, &o);
	buf_init(&b, OUT_MAX);
	if (j->fmt == FMT_TABLE) {
		buf_putstr(&b, j->header);
		elig_table(&b, &o, &c);
	} else {
		jw_init(&w, &b);
		elig_json(&w, j->p, j->warning, &o, NULL);
		buf_putc(&b, '\n');
	}
	rc = emit(&b);
	buf_release(&b);
	return rc;
}

int
cmd_eligibility(int argc, char **argv)
{
	struct opt o[] = { { "profile", true, NULL },
	    { "profiles", true, NULL }, { "post", true, NULL },
	    { "candidate", true, NULL }, { "candidates", true, NULL },
	    { "as-of", true, NULL }, { "appointment", true, NULL },
	    { "jobs", true, NULL }, { "format", true, NULL } };
	const size_t no = sizeof(o) / sizeof(o[0]);
	const char *prof, *post, *one, *many, *s;
	struct job j = { 0 };
	struct profile *p;
	struct vacancy v;
	struct json *root;
	struct diag d;
	struct arena *a;
	int64_t jobs = 1;
	int st, rc = EXIT_BADINPUT;

	if ((st = cmd_start("eligibility", help, argc, argv, o, no,
	    &j.fmt)) >= 0)
		return st;
	if ((prof = opt_need("eligibility", o, no, "profile")) == NULL ||
	    (post = opt_need("eligibility", o, no, "post")) == NULL)
		return EXIT_BADINPUT;
	one = opt_get(o, no, "candidate");
	many = opt_get(o, no, "candidates");
	if ((one == NULL) == (many == NULL))
		return die(EXIT_BADINPUT, "eligibility: give exactly one of "
		    "--candidate and --candidates");
	if ((s = opt_get(o, no, "jobs")) != NULL &&
	    parse_i64(str_c(s), 1, 64, &jobs) != SEL_OK)
		return die(EXIT_BADINPUT, "--jobs: expected 1 to 64");
	a = arena_new(1 << 16);
	if (load_inputs(a, prof, opt_get(o, no, "profiles"), &p, post, &root) != 0)
		goto out;
	if (vacancy_decode(a, root, p, &v, &d) != SEL_OK) {
		bad_doc(post, &d);
		goto out;
	}
	j.p = p;
	j.v = &v;
	elig_plan_init(&j.plan, p, &v);
	j.as_of = today_in(p);
	if ((s = opt_get(o, no, "as-of")) != NULL &&
	    opt_date("as-of", s, &j.as_of) != 0)
		goto out;
	j.appt = j.as_of;
	if ((s = opt_get(o, no, "appointment")) != NULL &&
	    opt_date("appointment", s, &j.appt) != 0)
		goto out;
	if (j.appt < j.as_of) {
		die(EXIT_BADINPUT, "--appointment: %s is before the closing "
		    "date --as-of", s);
		goto out;
	}
	elig_plan_dates(&j.plan, j.as_of, j.appt);
	j.warning = profile_emergency_warning(a, p, j.as_of, "batas akhir pendaftaran");
	if (j.fmt == FMT_TABLE) {
		struct buf h;

		buf_init(&h, 4096);
		buf_printf(&h, "Profil   : %.*s (%.*s)\nJabatan  : %.*s "
		    "(%s%s%s)\n", (int)p->id.len, p->id.p,
		    (int)p->regulation.len, p->regulation.p, (int)v.title.len,
		    v.title.p, label_level[v.level], v.echelon >= 0 ?
		    ", eselon " : "", v.echelon >= 0 ?
		    vocab_echelon[v.echelon] : "");
		if (j.warning.len > 0) {
			buf_puts(&h, "PERINGATAN: ");
			tb_wrap(&h, j.warning, 12, 100);
			buf_putc(&h, '\n');
		}
		if (many != NULL)
			buf_printf(&h, "\n%-18s %-26s %-22s %s\n", "NIP",
			    "NAMA", "KEPUTUSAN", "ATURAN TIDAK TERPENUHI");
		j.header.p = arena_strndup(a, h.p, h.len);
		j.header.len = h.len;
		buf_release(&h);
	}
	j.file = many != NULL ? many : one;
	if (many != NULL) {
		j.lines = elig_lines_new(a, &j.plan, j.warning);
		j.words = cand_words_new(a);
	}
	rc = many != NULL ? batch(&j, many, (int)jobs) : single(a, &j, one);
out:
	arena_destroy(a);
	return rc;
}
