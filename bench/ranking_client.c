/*
 * ranking_client: the load of bench/ranking, a national scoring day
 * (bench/README.md).  One thread, libcurl's multi interface, CONC
 * keep-alive handles ("sessions") at once, each taking the next job of
 * its list when done with one.
 *
 * usage: ranking_client score URL RATERS CONC LOG
 *        ranking_client close URL CHAIRS CONC
 *        ranking_client read URL PATHS CONC N
 *   score  a job is a rater (RATERS: "SEL LOGIN APP..." from gen_ranking):
 *          GET and POST /masuk (the password "bench-selter-1"), GET his
 *          sheet /kelola/SEL/tahap/wawancara/nilai (the form's CSRF
 *          token), one POST aksi=nilai per candidate with a value made
 *          from (SEL, LOGIN, APP), then POST aksi=kirim.  LOG gets
 *          "SEL APP LOGIN HUNDREDTHS" for every score answered 303.
 *   close  a job is a chair (CHAIRS: "SEL LOGIN"): login, the sheet, POST
 *          aksi=tutup with the committee's decision, then the result
 *          published: POST /kelola/SEL/hasil/wawancara confirm=1 scores=1.
 *   read   N GETs of the PATHS (one a line), cycled in order.
 * Expected: every GET 200, every POST 303; anything else is an error
 * (the first few printed on stderr).  Prints per request type the count,
 * errors, p50/p99 in ms; the phase's wall time and the rate of its main
 * request type (scores/s, pages/s); the client's CPU seconds.
 */
#include <curl/curl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <time.h>

#include "base/banned.h"

#define PW	"bench-selter-1"
#define BODY_MAX	(1 << 20)

enum kind { K_LOGIN_GET, K_LOGIN, K_SHEET, K_SCORE, K_SUBMIT, K_CLOSE,
	K_PUBLISH, K_PAGE, K_JSON, K__N };
static const char *const kname[K__N] = { "GET /masuk", "POST /masuk",
	"GET sheet (nilai)", "POST score", "POST submit (kirim)",
	"POST close (tutup)", "POST publish", "GET page", "GET json" };

enum mode { M_SCORE, M_CLOSE, M_READ };

struct lat {
	double		*v;
	size_t		 n, cap;
	uint64_t	 err;
};

struct job {
	long long	 sel;
	char		 login[32];
	long long	*apps;
	size_t		 napps;
	const char	*path;		/* read */
};

struct sess {
	CURL		*h;
	struct job	*job;
	int		 step;
	enum kind	 cur;
	char		 pre[96], sid[96], csrf[128];
	char		*body;
	size_t		 blen;
	bool		 keep;		/* the body is wanted */
	long long	 value;		/* the score being sent */
	long long	 app;
	double		 t0;
	char		 post[512];
	struct curl_slist *hdr;
};

static enum mode	 mode;
static const char	*base;
static struct lat	 lat[K__N];
static struct job	*jobs;
static size_t		 njobs, nextjob, nreads, reads_left;
static FILE		*scorelog;
static int		 shown;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
lat_add(struct lat *l, double ms)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4096;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
		if (l->v == NULL)
			abort();
	}
	l->v[l->n++] = ms;
}

static int
cmpd(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
pct(const struct lat *l, double p)
{
	if (l->n == 0)
		return 0;
	return l->v[(size_t)(p * (double)(l->n - 1) + 0.5)];
}

static uint64_t
mix(uint64_t z)
{
	z += 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* The score a rater gives a candidate, in hundredths: 60,00-100,00. */
static long long
value_of(const struct job *j, long long app)
{
	uint64_t h = (uint64_t)j->sel * 1000003u + (uint64_t)app;

	for (const char *c = j->login; *c != '\0'; c++)
		h = h * 131 + (unsigned char)*c;
	return 6000 + (long long)(mix(h) % 4001);
}

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	struct sess *s = arg;
	size_t len = size * n;

	if (s->keep && s->blen + len < BODY_MAX) {
		memcpy(s->body + s->blen, p, len);
		s->blen += len;
		s->body[s->blen] = '\0';
	}
	return len;
}

/* Keeps the cookies pre and sid from Set-Cookie. */
static size_t
on_header(char *p, size_t size, size_t n, void *arg)
{
	struct sess *s = arg;
	size_t len = size * n;
	static const char sc[] = "set-cookie: ";

	if (len > sizeof sc && strncasecmp(p, sc, sizeof sc - 1) == 0) {
		const char *v = p + sizeof sc - 1;
		size_t k = 0;
		char *dst = NULL;

		if (strncmp(v, "pre=", 4) == 0)
			dst = s->pre;
		else if (strncmp(v, "sid=", 4) == 0)
			dst = s->sid;
		if (dst != NULL) {
			while (v + k < p + len && v[k] != ';' && v[k] != '\r' &&
			    v[k] != '\n' && k < 95)
				k++;
			memcpy(dst, v, k);
			dst[k] = '\0';
		}
	}
	return len;
}

/* The first form's CSRF token of the body kept. */
static bool
csrf_of(struct sess *s)
{
	static const char key[] = "name=\"csrf\" value=\"";
	const char *p = s->body != NULL ? strstr(s->body, key) : NULL;
	size_t k = 0;

	if (p == NULL)
		return false;
	p += sizeof key - 1;
	while (p[k] != '"' && p[k] != '\0' && k < sizeof s->csrf - 1)
		k++;
	memcpy(s->csrf, p, k);
	s->csrf[k] = '\0';
	return k > 0;
}

/* Takes the next job; false when none is left. */
static bool
take(struct sess *s)
{
	if (mode == M_READ) {
		if (reads_left == 0)
			return false;
		reads_left--;
		s->job = &jobs[nextjob++ % njobs];
	} else {
		if (nextjob == njobs)
			return false;
		s->job = &jobs[nextjob++];
	}
	s->step = 0;
	s->pre[0] = s->sid[0] = s->csrf[0] = '\0';
	return true;
}

/* Sets up the session's request of this step. */
static void
request(struct sess *s)
{
	struct job *j = s->job;
	char url[512], cookie[256];
	int last_score = 3 + (int)j->napps;

	curl_easy_reset(s->h);
	curl_easy_setopt(s->h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(s->h, CURLOPT_WRITEDATA, s);
	curl_easy_setopt(s->h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(s->h, CURLOPT_HEADERDATA, s);
	curl_easy_setopt(s->h, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(s->h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(s->h, CURLOPT_PRIVATE, s);
	snprintf(cookie, sizeof cookie, "%s%s%s", s->pre,
	    s->pre[0] != '\0' && s->sid[0] != '\0' ? "; " : "", s->sid);
	if (cookie[0] != '\0')
		curl_easy_setopt(s->h, CURLOPT_COOKIE, cookie);
	s->blen = 0;
	s->keep = false;
	s->post[0] = '\0';
	if (mode == M_READ) {
		size_t n = strlen(j->path);

		s->cur = n > 5 && strcmp(j->path + n - 5, ".json") == 0 ?
		    K_JSON : K_PAGE;
		snprintf(url, sizeof url, "%s%s", base, j->path);
	} else if (s->step == 0) {
		s->cur = K_LOGIN_GET;
		s->keep = true;
		snprintf(url, sizeof url, "%s/masuk", base);
	} else if (s->step == 1) {
		s->cur = K_LOGIN;
		snprintf(url, sizeof url, "%s/masuk", base);
		snprintf(s->post, sizeof s->post, "csrf=%s&login=%s&password="
		    PW, s->csrf, j->login);
	} else if (s->step == 2) {
		s->cur = K_SHEET;
		s->keep = true;
		snprintf(url, sizeof url, "%s/kelola/%lld/tahap/wawancara/nilai",
		    base, j->sel);
	} else if (mode == M_SCORE && s->step < last_score) {
		s->cur = K_SCORE;
		s->app = j->apps[s->step - 3];
		s->value = value_of(j, s->app);
		snprintf(url, sizeof url, "%s/kelola/%lld/tahap/wawancara/nilai",
		    base, j->sel);
		snprintf(s->post, sizeof s->post, "csrf=%s&aksi=nilai&calon=%lld"
		    "&value=%lld%%2C%02lld", s->csrf, s->app, s->value / 100,
		    s->value % 100);
	} else if (mode == M_SCORE) {
		s->cur = K_SUBMIT;
		snprintf(url, sizeof url, "%s/kelola/%lld/tahap/wawancara/nilai",
		    base, j->sel);
		snprintf(s->post, sizeof s->post, "csrf=%s&aksi=kirim",
		    s->csrf);
	} else if (s->step == 3) {
		s->cur = K_CLOSE;
		snprintf(url, sizeof url, "%s/kelola/%lld/tahap/wawancara/nilai",
		    base, j->sel);
		snprintf(s->post, sizeof s->post, "csrf=%s&aksi=tutup&decision="
		    "Rapat+panitia+seleksi+menetapkan+nilai+wawancara.",
		    s->csrf);
	} else {
		s->cur = K_PUBLISH;
		snprintf(url, sizeof url, "%s/kelola/%lld/hasil/wawancara",
		    base, j->sel);
		snprintf(s->post, sizeof s->post, "csrf=%s&confirm=1&scores=1",
		    s->csrf);
	}
	curl_easy_setopt(s->h, CURLOPT_URL, url);
	if (s->post[0] != '\0')
		curl_easy_setopt(s->h, CURLOPT_POSTFIELDS, s->post);
	s->t0 = now();
}

/* The job's steps: how many. */
static int
steps(const struct job *j)
{
	return mode == M_READ ? 1 : mode == M_SCORE ? 4 + (int)j->napps : 5;
}

/* A request answered: checked, counted; false on an error. */
static bool
answered(struct sess *s, CURLcode res)
{
	long code = 0;
	bool post = s->post[0] != '\0', ok;

	curl_easy_getinfo(s->h, CURLINFO_RESPONSE_CODE, &code);
	lat_add(&lat[s->cur], (now() - s->t0) * 1000);
	ok = res == CURLE_OK && code == (post ? 303 : 200);
	if (ok && s->cur == K_LOGIN && s->sid[0] == '\0')
		ok = false;
	if (ok && (s->cur == K_LOGIN_GET || s->cur == K_SHEET))
		ok = csrf_of(s);
	if (!ok) {
		lat[s->cur].err++;
		if (shown++ < 10)
			fprintf(stderr, "ranking_client: %s (%lld %s): %s, HTTP "
			    "%ld: %.300s\n", kname[s->cur], s->job->sel,
			    mode == M_READ ? s->job->path : s->job->login,
			    curl_easy_strerror(res), code,
			    s->keep && s->body != NULL ? s->body : "");
	} else if (s->cur == K_SCORE) {
		fprintf(scorelog, "%lld %lld %s %lld\n", s->job->sel, s->app,
		    s->job->login, s->value);
	}
	return ok;
}

static void
load(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, jcap = 0;

	if (f == NULL) {
		perror(path);
		exit(2);
	}
	while (getline(&line, &cap, f) > 0) {
		struct job *j;
		char *p = line, *e;

		line[strcspn(line, "\r\n")] = '\0';
		if (*line == '\0')
			continue;
		if (njobs == jcap) {
			jcap = jcap ? jcap * 2 : 1024;
			jobs = realloc(jobs, jcap * sizeof *jobs);
			if (jobs == NULL)
				abort();
		}
		j = &jobs[njobs++];
		memset(j, 0, sizeof *j);
		if (mode == M_READ) {
			j->path = strdup(line);
			continue;
		}
		j->sel = strtoll(p, &e, 10);
		p = e + strspn(e, " ");
		snprintf(j->login, sizeof j->login, "%.*s",
		    (int)strcspn(p, " "), p);
		p += strcspn(p, " ");
		while (*p == ' ') {
			long long a = strtoll(p, &e, 10);

			if (e == p)
				break;
			j->apps = realloc(j->apps, (j->napps + 1) *
			    sizeof *j->apps);
			if (j->apps == NULL)
				abort();
			j->apps[j->napps++] = a;
			p = e;
		}
	}
	free(line);
	fclose(f);
}

int
main(int argc, char *argv[])
{
	struct sess *ss;
	CURLM *m;
	size_t conc, active = 0;
	double t0, t1;
	uint64_t errs = 0;
	enum kind main_kind;

	if (argc < 5 || (strcmp(argv[1], "score") == 0 && argc < 6) ||
	    (strcmp(argv[1], "read") == 0 && argc < 6)) {
		fprintf(stderr, "usage: ranking_client score|close|read URL "
		    "FILE CONC [LOG|N]\n");
		return 2;
	}
	mode = strcmp(argv[1], "score") == 0 ? M_SCORE :
	    strcmp(argv[1], "close") == 0 ? M_CLOSE : M_READ;
	base = argv[2];
	load(argv[3]);
	conc = (size_t)strtoul(argv[4], NULL, 10);
	if (njobs == 0 || conc == 0)
		return 2;
	if (mode == M_SCORE && (scorelog = fopen(argv[5], "w")) == NULL) {
		perror(argv[5]);
		return 2;
	}
	if (mode == M_READ)
		reads_left = nreads = (size_t)strtoull(argv[5], NULL, 10);
	signal(SIGPIPE, SIG_IGN);
	curl_global_init(CURL_GLOBAL_ALL);
	m = curl_multi_init();
	curl_multi_setopt(m, CURLMOPT_MAXCONNECTS, (long)conc + 16);
	ss = calloc(conc, sizeof *ss);
	if (ss == NULL)
		abort();
	t0 = now();
	for (size_t i = 0; i < conc; i++) {
		ss[i].h = curl_easy_init();
		ss[i].body = malloc(BODY_MAX + 1);
		if (ss[i].body == NULL)
			abort();
		if (take(&ss[i])) {
			request(&ss[i]);
			curl_multi_add_handle(m, ss[i].h);
			active++;
		}
	}
	while (active > 0) {
		CURLMsg *msg;
		int running, q;

		curl_multi_perform(m, &running);
		while ((msg = curl_multi_info_read(m, &q)) != NULL) {
			struct sess *s;

			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
			    (char **)&s);
			curl_multi_remove_handle(m, s->h);
			/* An error ends the job: its next steps need this one. */
			if (!answered(s, msg->data.result) ||
			    ++s->step == steps(s->job)) {
				if (!take(s)) {
					active--;
					continue;
				}
			}
			request(s);
			curl_multi_add_handle(m, s->h);
		}
		if (active > 0)
			curl_multi_poll(m, NULL, 0, 100, NULL);
	}
	t1 = now();
	printf("%-22s %9s %7s %9s %9s\n", "type", "requests", "errors",
	    "p50_ms", "p99_ms");
	for (int k = 0; k < K__N; k++) {
		struct lat *l = &lat[k];

		if (l->n == 0)
			continue;
		qsort(l->v, l->n, sizeof *l->v, cmpd);
		printf("%-22s %9zu %7" PRIu64 " %9.2f %9.2f\n", kname[k], l->n,
		    l->err, pct(l, 0.5), pct(l, 0.99));
		errs += l->err;
	}
	main_kind = mode == M_SCORE ? K_SCORE : mode == M_CLOSE ? K_CLOSE :
	    K_PAGE;
	{
		struct lat all = { 0 };

		/* read: pages and json sheets together */
		for (int k = K_PAGE; mode == M_READ && k <= K_JSON; k++)
			for (size_t i = 0; i < lat[k].n; i++)
				lat_add(&all, lat[k].v[i]);
		if (mode == M_READ) {
			qsort(all.v, all.n, sizeof *all.v, cmpd);
			printf("reads %zu\nreads_per_s %.1f\nread_p50_ms %.2f\n"
			    "read_p99_ms %.2f\n", all.n, (double)all.n /
			    (t1 - t0), pct(&all, 0.5), pct(&all, 0.99));
			free(all.v);
		}
	}
	if (mode != M_READ)
		printf("main %zu\nmain_per_s %.1f\nmain_p50_ms %.2f\n"
		    "main_p99_ms %.2f\n", lat[main_kind].n,
		    (double)lat[main_kind].n / (t1 - t0),
		    pct(&lat[main_kind], 0.5), pct(&lat[main_kind], 0.99));
	{
		struct lat all = { 0 };

		for (int k = 0; k < K__N; k++)
			for (size_t i = 0; i < lat[k].n; i++)
				lat_add(&all, lat[k].v[i]);
		qsort(all.v, all.n, sizeof *all.v, cmpd);
		printf("requests %zu\nrequests_per_s %.1f\nall_p99_ms %.2f\n",
		    all.n, (double)all.n / (t1 - t0), pct(&all, 0.99));
		free(all.v);
	}
	printf("errors %" PRIu64 "\nphase_s %.3f\n", errs, t1 - t0);
	{
		struct rusage ru;

		getrusage(RUSAGE_SELF, &ru);
		printf("client_cpu_s %.2f\n", (double)ru.ru_utime.tv_sec +
		    (double)ru.ru_stime.tv_sec + ((double)ru.ru_utime.tv_usec
		    + (double)ru.ru_stime.tv_usec) / 1e6);
	}
	for (size_t i = 0; i < conc; i++) {
		curl_easy_cleanup(ss[i].h);
		free(ss[i].body);
	}
	free(ss);
	curl_multi_cleanup(m);
	curl_global_cleanup();
	if (scorelog != NULL && fclose(scorelog) != 0)
		return 2;
	return errs == 0 ? 0 : 1;
}
