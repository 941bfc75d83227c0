/*
 * deadline_client: the load of bench/deadline, the last minutes of a
 * registration window (bench/README.md).  One thread, libcurl's multi
 * interface, one keep-alive handle a client, all clients at once.
 *
 * usage: deadline_client URL CLIENTS ITEMS DATED MANIFEST [UPLOADS [THINK_MS
 *        [WINDOW_S]]]
 *   CLIENTS  a file, one line a client: "SID CSRF"; the first half upload,
 *            the second half read
 *   ITEMS    the checklist items cycled over, comma-separated; "photo"
 *            gets a JPEG of 100-200 KB, any other a PDF of 0.5-2 MB
 *   DATED    the date sent as "dated" (with stamped=1) on every upload
 *   MANIFEST written: "CLIENT ITEM SHA256 BYTES" for every upload answered
 *            303, in order (the last line of a pair is the current one)
 *
 * An uploader sends UPLOADS (10) documents back to back, then applies to
 * vacancy 1 (POST /pelamar/lowongan/1/daftar).  A reader GETs /pelamar,
 * /seleksi/1 and /pelamar/lowongan/1 in turn until every uploader is done,
 * waiting THINK_MS (0) x a uniform 0.5..1.5 between pages, as a person
 * reads.  Uploaders start at times spread uniformly at random over
 * WINDOW_S (0: all at once) seconds: the last minutes of the window, when
 * they arrive one after another rather than in one instant.  The file
 * contents are made from one random pool (a magic header, a line naming
 * the client and upload, then a slice of the pool) and hashed before the
 * clock starts.  Prints, per request type, count, errors, p50/p99 in ms
 * and bytes sent; and the upload phase's files/s and MB/s.
 */
#include <curl/curl.h>
#include <errno.h>
#include <inttypes.h>
#include <openssl/evp.h>
#include <sodium.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <time.h>

#include "base/banned.h"

#define POOL		(4 * 1024 * 1024)
#define HDR_MAX		96
#define MAX_ITEMS	32

enum kind { K_HOME, K_ANN, K_VAC, K_UPLOAD, K_APPLY, K__N };
static const char *const kname[K__N] = { "page /pelamar",
	"page /seleksi/1", "page /pelamar/lowongan/1", "upload", "apply" };

struct lat {
	double		*v;
	size_t		 n, cap;
	uint64_t	 err, bytes;
};

struct file {
	unsigned char	 hdr[HDR_MAX];
	size_t		 hlen, off, size;	/* size: the whole file */
	size_t		 pos;			/* read position */
	char		 hex[65];
};

struct client {
	int		 idx;
	bool		 uploader, done;
	char		 cookie[160], csrf[128];
	int		 step;			/* uploads made; then apply */
	CURL		*h;
	curl_mime	*mime;
	struct file	*files;			/* UPLOADS of them */
	enum kind	 cur;
	double		 t0;
	double		 due;			/* waiting: starts then */
	bool		 waiting;
	uint64_t	 sent;
};

static unsigned char	*pool;
static const char	*items[MAX_ITEMS];
static size_t		 nitems;
static struct lat	 lat[K__N];
static const char	*base;
static const char	*dated;
static int		 uploads = 10;
static double		 think_s, window_s;
static uint64_t		 seed = 20261124;

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
		l->cap = l->cap ? l->cap * 2 : 1024;
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
pct(struct lat *l, double p)
{
	size_t i;

	if (l->n == 0)
		return 0;
	i = (size_t)(p * (double)(l->n - 1) + 0.5);
	return l->v[i];
}

static uint64_t
rnd(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static const char *
item_of(const struct client *c, int k)
{
	return items[((size_t)c->idx + (size_t)k) % nitems];
}

/* The file of upload k: its header, its slice of the pool, its hash. */
static void
file_make(const struct client *c, int k, struct file *f)
{
	static const unsigned char jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00,
	    0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
	    0x00, 0x01, 0x00, 0x00 };
	uint64_t s = (uint64_t)c->idx * 1000003u + (uint64_t)k;
	bool photo = strcmp(item_of(c, k), "photo") == 0;
	size_t lo = photo ? 100 * 1024 : 512 * 1024;
	size_t hi = photo ? 200 * 1024 - 256 : 2 * 1024 * 1024 - 256;
	EVP_MD_CTX *st = EVP_MD_CTX_new();
	unsigned char h[32];
	unsigned hn = 0;
	int n;

	if (photo) {
		memcpy(f->hdr, jpeg, sizeof jpeg);
		f->hlen = sizeof jpeg;
	} else {
		memcpy(f->hdr, "%PDF-1.4\n", 9);
		f->hlen = 9;
	}
	n = snprintf((char *)f->hdr + f->hlen, HDR_MAX - f->hlen,
	    "%% client %d upload %d %s\n", c->idx, k, item_of(c, k));
	f->hlen += (size_t)n;
	f->size = lo + (size_t)(rnd(&s) % (hi - lo));
	f->off = (size_t)(rnd(&s) % (POOL - f->size));
	if (st == NULL || EVP_DigestInit_ex(st, EVP_sha256(), NULL) != 1 ||
	    EVP_DigestUpdate(st, f->hdr, f->hlen) != 1 ||
	    EVP_DigestUpdate(st, pool + f->off, f->size - f->hlen) != 1 ||
	    EVP_DigestFinal_ex(st, h, &hn) != 1 || hn != 32)
		abort();	/* a broken libcrypto: no figures */
	EVP_MD_CTX_free(st);
	sodium_bin2hex(f->hex, sizeof f->hex, h, sizeof h);
}

static size_t
file_read(char *buf, size_t size, size_t nitems_, void *arg)
{
	struct file *f = arg;
	size_t want = size * nitems_, got = 0;

	while (got < want && f->pos < f->size) {
		size_t n;

		if (f->pos < f->hlen) {
			n = f->hlen - f->pos;
			if (n > want - got)
				n = want - got;
			memcpy(buf + got, f->hdr + f->pos, n);
		} else {
			n = f->size - f->pos;
			if (n > want - got)
				n = want - got;
			memcpy(buf + got, pool + f->off + (f->pos - f->hlen),
			    n);
		}
		got += n;
		f->pos += n;
	}
	return got;
}

static int
file_seek(void *arg, curl_off_t off, int origin)
{
	struct file *f = arg;

	if (origin != SEEK_SET || off < 0 || (size_t)off > f->size)
		return CURL_SEEKFUNC_FAIL;
	f->pos = (size_t)off;
	return CURL_SEEKFUNC_OK;
}

static size_t
sink(char *p, size_t size, size_t n, void *arg)
{
	(void)p;
	(void)arg;
	return size * n;
}

static void
part(curl_mime *m, const char *name, const char *val)
{
	curl_mimepart *p = curl_mime_addpart(m);

	curl_mime_name(p, name);
	curl_mime_data(p, val, CURL_ZERO_TERMINATED);
}

/* Sets up the client's next request. */
static void
next(struct client *c)
{
	char url[512];

	curl_easy_reset(c->h);
	curl_easy_setopt(c->h, CURLOPT_WRITEFUNCTION, sink);
	curl_easy_setopt(c->h, CURLOPT_COOKIE, c->cookie);
	curl_easy_setopt(c->h, CURLOPT_TIMEOUT, 120L);
	curl_easy_setopt(c->h, CURLOPT_UPLOAD_BUFFERSIZE, 256L << 10);
	curl_easy_setopt(c->h, CURLOPT_NOSIGNAL, 1L);	/* SIGPIPE ignored */
	if (c->mime != NULL) {
		curl_mime_free(c->mime);
		c->mime = NULL;
	}
	c->sent = 0;
	if (!c->uploader) {
		static const char *const path[] = { "/pelamar", "/seleksi/1",
		    "/pelamar/lowongan/1" };

		c->cur = (enum kind)(c->step % 3);
		snprintf(url, sizeof url, "%s%s", base, path[c->cur]);
		c->step++;
	} else if (c->step < uploads) {
		struct file *f = &c->files[c->step];
		curl_mimepart *p;
		bool photo = strcmp(item_of(c, c->step), "photo") == 0;

		c->cur = K_UPLOAD;
		snprintf(url, sizeof url, "%s/pelamar/dokumen", base);
		c->mime = curl_mime_init(c->h);
		part(c->mime, "csrf", c->csrf);
		part(c->mime, "item", item_of(c, c->step));
		part(c->mime, "dated", dated);
		part(c->mime, "stamped", "1");
		p = curl_mime_addpart(c->mime);
		curl_mime_name(p, "file");
		curl_mime_filename(p, photo ? "foto.jpg" : "dokumen.pdf");
		curl_mime_type(p, photo ? "image/jpeg" : "application/pdf");
		f->pos = 0;
		curl_mime_data_cb(p, (curl_off_t)f->size, file_read,
		    file_seek, NULL, f);
		curl_easy_setopt(c->h, CURLOPT_MIMEPOST, c->mime);
		c->sent = f->size;
	} else {
		char body[256];

		c->cur = K_APPLY;
		snprintf(url, sizeof url, "%s/pelamar/lowongan/1/daftar", base);
		snprintf(body, sizeof body, "csrf=%s", c->csrf);
		curl_easy_setopt(c->h, CURLOPT_COPYPOSTFIELDS, body);
	}
	curl_easy_setopt(c->h, CURLOPT_URL, url);
	curl_easy_setopt(c->h, CURLOPT_PRIVATE, c);
	c->t0 = now();
}

/*
 * libcurl's socket interface on epoll: only the sockets with something to
 * do are looked at, where curl_multi_perform and curl_multi_poll walk all
 * 2000 connections on every wake-up (most of the client's CPU at N=2000).
 */
static int	 ep = -1;
static double	 curl_due = -1;		/* libcurl's timer: -1 none */

static int
on_socket(CURL *e, curl_socket_t fd, int what, void *u, void *sp)
{
	struct epoll_event ev;

	(void)e, (void)u;
	memset(&ev, 0, sizeof ev);
	ev.data.fd = fd;
	if (what == CURL_POLL_REMOVE) {
		epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
		return 0;
	}
	ev.events = (what & CURL_POLL_IN ? EPOLLIN : 0) |
	    (what & CURL_POLL_OUT ? EPOLLOUT : 0);
	if (epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev) != 0 && errno == ENOENT)
		epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
	(void)sp;
	return 0;
}

static int
on_timer(CURLM *mh, long ms, void *u)
{
	(void)mh, (void)u;
	curl_due = ms < 0 ? -1 : now() + (double)ms / 1000;
	return 0;
}

/* Waits up to max_ms for sockets or libcurl's timer, and lets libcurl act. */
static void
step(CURLM *mh, int max_ms)
{
	struct epoll_event evs[256];
	int running, n, wait = max_ms;

	if (curl_due >= 0) {
		double d = (curl_due - now()) * 1000;

		if (d < wait)
			wait = d <= 0 ? 0 : (int)d + 1;
	}
	n = epoll_wait(ep, evs, 256, wait);
	for (int i = 0; i < n; i++)
		curl_multi_socket_action(mh, evs[i].data.fd,
		    (evs[i].events & EPOLLIN ? CURL_CSELECT_IN : 0) |
		    (evs[i].events & EPOLLOUT ? CURL_CSELECT_OUT : 0) |
		    (evs[i].events & (EPOLLERR | EPOLLHUP) ? CURL_CSELECT_ERR :
		    0), &running);
	if (curl_due >= 0 && now() >= curl_due) {
		curl_due = -1;
		curl_multi_socket_action(mh, CURL_SOCKET_TIMEOUT, 0, &running);
	}
}

int
main(int argc, char *argv[])
{
	FILE *in, *man;
	struct client *cl = NULL;
	size_t ncl = 0, cap = 0, nup, left, active;
	char line[512], *list, *tok, *comma = NULL;
	CURLM *m;
	double t0, tup = 0, t1, wake;
	uint64_t upbytes = 0, upfiles = 0, applied = 0;

	if (argc < 6) {
		fprintf(stderr, "usage: deadline_client URL CLIENTS ITEMS "
		    "DATED MANIFEST [UPLOADS]\n");
		return 2;
	}
	base = argv[1];
	dated = argv[4];
	if (argc > 6)
		uploads = (int)strtol(argv[6], NULL, 10);
	if (argc > 7)
		think_s = strtod(argv[7], NULL) / 1000;
	if (argc > 8)
		window_s = strtod(argv[8], NULL);
	if (sodium_init() < 0 || uploads < 1)
		return 2;
	list = argv[3];
	/* The comma-separated names, split in place (no empty one). */
	for (tok = list; tok != NULL && nitems < MAX_ITEMS; tok = comma) {
		comma = strchr(tok, ',');
		if (comma != NULL)
			*comma++ = '\0';
		if (*tok != '\0')
			items[nitems++] = tok;
	}
	if (nitems == 0)
		return 2;
	if ((in = fopen(argv[2], "r")) == NULL ||
	    (man = fopen(argv[5], "w")) == NULL) {
		perror("deadline_client");
		return 2;
	}
	while (fgets(line, sizeof line, in) != NULL) {
		char sid[128], csrf[128];
		struct client *c;

		if (sscanf(line, "%127s %127s", sid, csrf) != 2)
			continue;
		if (ncl == cap) {
			cap = cap ? cap * 2 : 256;
			cl = realloc(cl, cap * sizeof *cl);
			if (cl == NULL)
				abort();
		}
		c = &cl[ncl];
		memset(c, 0, sizeof *c);
		c->idx = (int)ncl++;
		snprintf(c->cookie, sizeof c->cookie, "sid=%s", sid);
		snprintf(c->csrf, sizeof c->csrf, "%s", csrf);
	}
	fclose(in);
	nup = ncl / 2;
	if ((pool = malloc(POOL)) == NULL)
		abort();
	randombytes_buf(pool, POOL);
	signal(SIGPIPE, SIG_IGN);	/* CURLOPT_NOSIGNAL: no handler per call */
	curl_global_init(CURL_GLOBAL_ALL);
	m = curl_multi_init();
	curl_multi_setopt(m, CURLMOPT_MAXCONNECTS, (long)ncl + 16);
	if ((ep = epoll_create1(EPOLL_CLOEXEC)) < 0)
		abort();
	curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, on_socket);
	curl_multi_setopt(m, CURLMOPT_TIMERFUNCTION, on_timer);
	for (size_t i = 0; i < ncl; i++) {
		struct client *c = &cl[i];

		c->uploader = i < nup;
		c->h = curl_easy_init();
		if (c->uploader) {
			c->files = calloc((size_t)uploads, sizeof *c->files);
			if (c->files == NULL)
				abort();
			for (int k = 0; k < uploads; k++)
				file_make(c, k, &c->files[k]);
		}
	}
	/*
	 * The clock starts: each client's first request now, or, paced, at
	 * its arrival (an uploader) or after a first look (a reader).
	 */
	t0 = now();
	active = 0;
	for (size_t i = 0; i < ncl; i++) {
		struct client *c = &cl[i];
		double u = (double)(rnd(&seed) >> 11) / 9007199254740992.0;

		c->due = t0 + (c->uploader ? window_s : think_s) * u;
		c->waiting = c->due > t0;
		if (!c->waiting) {
			next(c);
			curl_multi_add_handle(m, c->h);
		}
		active++;
	}
	left = nup;
	wake = t0;
	while (active > 0) {
		CURLMsg *msg;
		double tn = now();
		int q;

		if (tn >= wake) {	/* start the clients due by now */
			wake = tn + 3600;
			for (size_t i = 0; i < ncl; i++) {
				struct client *c = &cl[i];

				if (!c->waiting)
					continue;
				if (c->done || (!c->uploader && left == 0)) {
					c->waiting = false;	/* no more */
					active--;
				} else if (c->due <= tn) {
					c->waiting = false;
					next(c);
					curl_multi_add_handle(m, c->h);
				} else if (c->due < wake) {
					wake = c->due;
				}
			}
		}
		while ((msg = curl_multi_info_read(m, &q)) != NULL) {
			struct client *c;
			long code = 0;
			double ms;
			bool ok;

			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
			    (char **)&c);
			curl_easy_getinfo(c->h, CURLINFO_RESPONSE_CODE, &code);
			ms = (now() - c->t0) * 1000;
			ok = msg->data.result == CURLE_OK && code >= 200 &&
			    code < 400;
			lat_add(&lat[c->cur], ms);
			if (!ok) {
				lat[c->cur].err++;
				fprintf(stderr, "client %d %s: %s, HTTP %ld\n",
				    c->idx, kname[c->cur],
				    curl_easy_strerror(msg->data.result),
				    code);
			}
			lat[c->cur].bytes += c->sent;
			curl_multi_remove_handle(m, c->h);
			active--;
			if (c->cur == K_UPLOAD) {
				if (ok && code == 303) {
					struct file *f = &c->files[c->step];

					fprintf(man, "%d %s %s %zu\n", c->idx,
					    item_of(c, c->step), f->hex,
					    f->size);
					upbytes += f->size;
					upfiles++;
				} else if (ok) {
					lat[c->cur].err++;
					fprintf(stderr, "client %d upload: "
					    "HTTP %ld\n", c->idx, code);
				}
				c->step++;
			} else if (c->cur == K_APPLY) {
				c->done = true;
				applied += ok;
				if (--left == 0) {
					tup = now();
					wake = tup;	/* readers stop */
				}
			}
			if (!c->done && (c->uploader || left > 0)) {
				active++;
				if (!c->uploader && think_s > 0) {
					double u = (double)(rnd(&seed) >>
					    11) / 9007199254740992.0;

					c->waiting = true;
					c->due = now() + think_s * (0.5 + u);
					if (c->due < wake)
						wake = c->due;
				} else {
					next(c);
					curl_multi_add_handle(m, c->h);
				}
			}
		}
		if (active > 0) {
			double d = (wake - now()) * 1000;

			step(m, d < 1 ? 1 : d > 100 ? 100 : (int)d);
		}
	}
	t1 = now();
	if (tup == 0)
		tup = t1;
	printf("clients %zu uploaders %zu readers %zu uploads/uploader %d\n",
	    ncl, nup, ncl - nup, uploads);
	printf("%-26s %8s %7s %9s %9s %12s\n", "type", "requests", "errors",
	    "p50_ms", "p99_ms", "bytes_sent");
	for (int k = 0; k < K__N; k++) {
		struct lat *l = &lat[k];

		qsort(l->v, l->n, sizeof *l->v, cmpd);
		printf("%-26s %8zu %7" PRIu64 " %9.2f %9.2f %12" PRIu64 "\n",
		    kname[k], l->n, l->err, pct(l, 0.5), pct(l, 0.99),
		    l->bytes);
	}
	{
		struct lat pg = { 0 };

		for (int k = K_HOME; k <= K_VAC; k++)
			for (size_t i = 0; i < lat[k].n; i++)
				lat_add(&pg, lat[k].v[i]);
		qsort(pg.v, pg.n, sizeof *pg.v, cmpd);
		printf("pages_p50_ms %.2f\npages_p99_ms %.2f\n",
		    pct(&pg, 0.5), pct(&pg, 0.99));
		free(pg.v);
	}
	printf("upload_p50_ms %.2f\nupload_p99_ms %.2f\n",
	    pct(&lat[K_UPLOAD], 0.5), pct(&lat[K_UPLOAD], 0.99));
	printf("errors %" PRIu64 "\n", lat[0].err + lat[1].err + lat[2].err +
	    lat[3].err + lat[4].err);
	{
		struct rusage ru;

		getrusage(RUSAGE_SELF, &ru);
		printf("client_cpu_s %.2f\n", (double)ru.ru_utime.tv_sec +
		    (double)ru.ru_stime.tv_sec + ((double)ru.ru_utime.tv_usec
		    + (double)ru.ru_stime.tv_usec) / 1e6);
	}
	printf("upload_phase_s %.3f\nuploaded_files %" PRIu64 "\n"
	    "upload_files_per_s %.1f\nupload_mb_per_s %.1f\n"
	    "submissions %" PRIu64 "\nsubmissions_per_s %.1f\n", tup - t0,
	    upfiles, (double)upfiles / (tup - t0),
	    (double)upbytes / 1048576.0 / (tup - t0), applied,
	    (double)applied / (tup - t0));
	for (size_t i = 0; i < ncl; i++) {
		if (cl[i].mime != NULL)
			curl_mime_free(cl[i].mime);
		curl_easy_cleanup(cl[i].h);
		free(cl[i].files);
	}
	curl_multi_cleanup(m);
	curl_global_cleanup();
	if (fclose(man) != 0)
		return 2;
	free(cl);
	free(pool);
	return 0;
}
