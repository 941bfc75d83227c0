/*
 * server.c - libmicrohttpd: the daemon, the access handler, form parsing
 * (its callback in form.c), routing, headers on every response, the
 * public page cache, the access log.
 *
 * A GET is answered on the second call of the access handler, never the
 * first: libmicrohttpd 0.9.75 closes a keep-alive connection otherwise.
 *
 * An upload route's file is streamed to disk as the form parser meets it
 * (h_docs.c); its answer (fsync, commit) is made on a worker while the
 * connection is suspended (docs/architecture.md).
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "base/arena.h"
#include "base/log.h"
#include "web/form.h"
#include "web/pool.h"
#include "web/web.h"
#include "base/banned.h"

#define CSP	"default-src 'none'; style-src 'self'; img-src 'self'; " \
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
/*
 * The public page cache: NCACHE entries in sets of CACHE_WAYS, at most
 * page_cache_mb (256 MiB by default) of bodies.  Sized for a national
 * day's public pages (540 selections' announcements, result pages and
 * sheets: bench/ranking, about 70 MiB of bodies); with 64 direct-mapped
 * entries those evicted each other on every read, and with 64 MiB the
 * sheets were rendered again on most reads.
 */
#define NCACHE		16384
#define CACHE_WAYS	4
#define CACHE_MB	256
#define CACHE_TTL	10	/* seconds: other instances' changes show */

struct centry {
	char			 url[128];
	unsigned long		 gen;
	int64_t			 made;
	struct MHD_Response	*r;
	unsigned		 status;
	size_t			 len;	/* of the body, for the log */
};

struct web {
	struct MHD_Daemon	*d;
	struct app		*app;
	struct web_config	 cf;
	FILE			*log;
	pthread_mutex_t		 mu;	/* cache and log */
	struct centry		 cache[NCACHE];
	size_t			 cache_bytes;	/* bodies held, under mu */
	size_t			 cache_max;	/* ... at most */
	struct pool		*pool;	/* upload routes' answers */
};


static int64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Matches path against pattern, filling ids and word. */
static bool
match(const char *pattern, const char *path, struct req *r)
{
	int nid = 0;

	while (*pattern != '\0') {
		if (*pattern == '%' || *pattern == '*') {
			const char *s = path;
			int64_t v;

			while ((*path >= '0' && *path <= '9') ||
			    (*pattern == '*' && ((*path >= 'a' && *path <= 'z') ||
			    (*path == '-' && path != s))))
				path++;
			if (path == s || path - s > 18)
				return false;
			if (*pattern == '*') {
				r->word = (struct str){ s, (size_t)(path - s) };
			} else {
				if (nid == MAX_IDS || parse_i64((struct str){ s,
				    (size_t)(path - s) }, 1, INT64_MAX, &v))
					return false;
				r->ids[nid++] = v;
			}
			pattern++;
			continue;
		}
		if (*pattern++ != *path++)
			return false;
	}
	return *path == '\0';
}

struct str
req_query(struct req *r, const char *name)
{
	const char *v = MHD_lookup_connection_value(r->conn,
	    MHD_GET_ARGUMENT_KIND, name);

	return v != NULL ? str_c(v) : STR("");
}

const char *
req_cookie(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

static void
headers(struct MHD_Response *m, const struct resp *rs)
{
	MHD_add_response_header(m, "Content-Type", rs->ctype);
	MHD_add_response_header(m, "Content-Security-Policy", CSP);
	MHD_add_response_header(m, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(m, "Referrer-Policy", "same-origin");
	MHD_add_response_header(m, "X-Frame-Options", "DENY");
	MHD_add_response_header(m, "Cache-Control", rs->cache);
	if (rs->allow != NULL)
		MHD_add_response_header(m, "Allow", rs->allow);
	if (rs->location != NULL)
		MHD_add_response_header(m, "Location", rs->location);
	if (rs->disposition != NULL)
		MHD_add_response_header(m, "Content-Disposition",
		    rs->disposition);
	for (int i = 0; i < rs->ncookie; i++)
		MHD_add_response_header(m, "Set-Cookie", rs->cookie[i].p);
}

static void
ip_text(struct MHD_Connection *c, char *ip, size_t n)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
	    MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	snprintf(ip, n, "?");
	if (ci == NULL || ci->client_addr == NULL)
		return;
	if (ci->client_addr->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)
		    ci->client_addr)->sin_addr, ip, (socklen_t)n);
	else if (ci->client_addr->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)
		    (const void *)ci->client_addr)->sin6_addr, ip,
		    (socklen_t)n);
}

/* One JSON line per request; the query string and the body never. */
static void
access_log(struct web *w, struct MHD_Connection *c, const char *method,
    const char *url, unsigned status, size_t bytes, int64_t t0,
    int64_t user, bool hit)
{
	int64_t us = now_us() - t0, t = (int64_t)time(NULL);
	int64_t days = t / 86400, secs = t % 86400;
	char ip[INET6_ADDRSTRLEN];
	int y, mo, d;

	if (w->log == NULL)
		return;
	ip_text(c, ip, sizeof ip);
	date_ymd((sel_date)days, &y, &mo, &d);
	pthread_mutex_lock(&w->mu);
	fprintf(w->log, "{\"t\":\"%04d-%02d-%02dT%02d:%02d:%02dZ\","
	    "\"ip\":\"%s\",\"method\":\"%s\",\"status\":%u,"
	    "\"bytes\":%zu,\"us\":%" PRId64 ",\"user\":%" PRId64
	    ",\"cache\":%s,\"path\":\"", y, mo, d, (int)(secs / 3600),
	    (int)(secs / 60 % 60), (int)(secs % 60), ip, method, status, bytes,
	    us, user, hit ? "true" : "false");
	for (const char *p = url; *p != '\0' && p - url < 200; p++)
		if (*p >= 0x20 && *p != '"' && *p != '\\' && *p < 0x7f)
			fputc(*p, w->log);
	fputs("\"}\n", w->log);
	fflush(w->log);
	pthread_mutex_unlock(&w->mu);
}

static struct MHD_Response *
make_response(struct resp *rs)
{
	struct MHD_Response *m;

	if (rs->fd >= 0) {	/* a document: sent from its file */
		m = MHD_create_response_from_fd64((uint64_t)rs->fd_size,
		    rs->fd);
		if (m == NULL)
			close(rs->fd);
		rs->fd = -1;	/* the response owns it now */
		if (m != NULL)
			headers(m, rs);
		return m;
	}
	if (rs->pg.b.err != SEL_OK) {
		rs->status = MHD_HTTP_INTERNAL_SERVER_ERROR;
		buf_reset(&rs->pg.b);
		buf_puts(&rs->pg.b, "Halaman terlalu besar.");
	}
	m = MHD_create_response_from_buffer(rs->pg.b.len,
	    rs->pg.b.p != NULL ? rs->pg.b.p : "", MHD_RESPMEM_MUST_COPY);
	if (m != NULL)
		headers(m, rs);
	return m;
}

/* The first of the CACHE_WAYS entries url may sit in. */
static struct centry *
cache_slot(struct web *w, const char *url)
{
	unsigned h = 5381;

	for (const char *p = url; *p != '\0'; p++)
		h = h * 33 + (unsigned char)*p;
	return &w->cache[h % (NCACHE / CACHE_WAYS) * CACHE_WAYS];
}

/* Serves a cached public page; true when it did. */
static bool
cache_serve(struct web *w, struct MHD_Connection *c, const char *method,
    const char *url, int64_t t0, enum MHD_Result *ret)
{
	struct centry *set = cache_slot(w, url);
	unsigned long gen = app_gen(w->app);
	struct MHD_Response *m = NULL;
	unsigned status = 0;
	size_t len = 0;

	pthread_mutex_lock(&w->mu);
	for (int i = 0; i < CACHE_WAYS && m == NULL; i++) {
		struct centry *e = &set[i];

		if (e->r != NULL && e->gen == gen && strcmp(e->url, url) ==
		    0 && app_now(w->app) - e->made < CACHE_TTL) {
			m = e->r;
			status = e->status;
			len = e->len;
			*ret = MHD_queue_response(c, status, m);
		}
	}
	pthread_mutex_unlock(&w->mu);
	if (m != NULL)
		access_log(w, c, method, url, status, len, t0, 0, true);
	return m != NULL;
}

/*
 * Full: the entries no longer served (an older generation, or past their
 * time) are dropped, wherever they are; under mu.  Rare: only when the
 * bodies reach the limit.
 */
static void
cache_sweep(struct web *w, unsigned long gen)
{
	int64_t now = app_now(w->app);

	for (int i = 0; i < NCACHE; i++) {
		struct centry *e = &w->cache[i];

		if (e->r == NULL || (e->gen == gen && now - e->made <
		    CACHE_TTL))
			continue;
		MHD_destroy_response(e->r);
		e->r = NULL;
		w->cache_bytes -= e->len;
	}
}

static void
cache_put(struct req *r, struct MHD_Response *m, unsigned status,
    size_t len, unsigned long gen)
{
	struct web *w = r->web;
	struct centry *set = cache_slot(w, r->url), *e = set;

	if (strlen(r->url) >= sizeof e->url) {
		MHD_destroy_response(m);
		return;
	}
	pthread_mutex_lock(&w->mu);
	/* Its own entry, else an empty one, else the set's oldest. */
	for (int i = 0; i < CACHE_WAYS; i++)
		if (set[i].r != NULL && strcmp(set[i].url, r->url) == 0)
			e = &set[i];
	for (int i = 0; i < CACHE_WAYS && e->r != NULL &&
	    strcmp(e->url, r->url) != 0; i++)
		if (set[i].r == NULL || set[i].made < e->made)
			e = &set[i];
	if (e->r != NULL) {
		MHD_destroy_response(e->r);	/* in-flight copies hold refs */
		e->r = NULL;
		w->cache_bytes -= e->len;
	}
	if (w->cache_bytes + len > w->cache_max)
		cache_sweep(w, gen);
	if (w->cache_bytes + len > w->cache_max) {
		pthread_mutex_unlock(&w->mu);
		MHD_destroy_response(m);	/* full: served, not kept */
		return;
	}
	w->cache_bytes += len;
	snprintf(e->url, sizeof e->url, "%s", r->url);
	e->gen = gen;
	e->made = app_now(w->app);
	e->r = m;
	e->status = status;	/* the cache owns m's first reference */
	e->len = len;
	pthread_mutex_unlock(&w->mu);
}

static void
resp_init(struct resp *rs)
{
	memset(rs, 0, sizeof *rs);
	rs->status = MHD_HTTP_OK;
	rs->ctype = "text/html; charset=utf-8";
	rs->cache = "no-store";
	rs->fd = -1;
	page_init(&rs->pg, 4u << 20);
}

/* The visitor: a session cookie that names a live session, or nobody. */
void
req_identify(struct req *r)
{
	const char *sid = req_cookie(r, "sid");

	memset(&r->who, 0, sizeof r->who);
	if (sid != NULL)
		(void)app_session(r->app, r->ar, str_c(sid), &r->who);
}

bool
req_csrf_ok(struct req *r)
{
	struct str tok = form_get(&r->form, "csrf");
	const char *pre;

	if (r->who.account_id != 0)
		return app_token_eq(tok, r->who.csrf);
	pre = req_cookie(r, "pre");
	return pre != NULL && app_anon_check(r->app, str_c(pre), tok);
}

/* Routes the request and fills rs: the handler's work, no I/O to MHD. */
static const struct web_route *
dispatch(struct req *r, struct resp *rs)
{
	const struct web_route *rt = NULL;
	const struct field *bad;
	int m = strcmp(r->method, "GET") == 0 ||
	    strcmp(r->method, "HEAD") == 0 ? M_GET :
	    strcmp(r->method, "POST") == 0 ? M_POST : 0;
	int allowed = 0;

	for (size_t i = 0; i < web_nroutes; i++) {
		memset(r->ids, 0, sizeof r->ids);
		if (!match(web_routes[i].pattern, r->url, r))
			continue;
		allowed |= web_routes[i].methods & (M_GET | M_POST);
		if (web_routes[i].methods & m) {
			rt = &web_routes[i];
			break;
		}
	}
	if (rt != NULL && !rt->cache)
		req_identify(r);
	if (rt == NULL && allowed != 0) {
		page_error(r, rs, MHD_HTTP_METHOD_NOT_ALLOWED, "Metode "
		    "permintaan ini tidak didukung untuk alamat tersebut.");
		rs->allow = allowed == M_GET ? "GET, HEAD" : allowed ==
		    M_POST ? "POST" : "GET, HEAD, POST";
	} else if (rt == NULL) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Halaman tidak "
		    "ditemukan.");
	} else if (r->too_big) {
		page_error(r, rs, MHD_HTTP_CONTENT_TOO_LARGE,
		    r->too_big_msg != NULL ? r->too_big_msg : "Isian "
		    "formulir terlalu besar.");
	} else if (m == M_POST && (r->bad_form || !r->parsed)) {
		page_error(r, rs, MHD_HTTP_BAD_REQUEST, "Formulir tidak "
		    "dapat dibaca. Kirim ulang dari halamannya.");
	} else if (m == M_POST && !req_csrf_ok(r)) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Formulir kedaluwarsa "
		    "atau tidak sah. Muat ulang halaman lalu coba lagi.");
	} else if (m == M_POST && (bad = form_bad_text(&r->form)) != NULL) {
		page_error(r, rs, MHD_HTTP_BAD_REQUEST, arena_printf(r->ar,
		    "Isian \"%.*s\" bukan teks yang sah (karakter kendali, "
		    "NUL, pembalik arah teks atau UTF-8 yang rusak). Tidak ada "
		    "yang disimpan.", app_text_valid(bad->name, 40, false) ?
		    (int)bad->name.len : 1, app_text_valid(bad->name, 40,
		    false) ? bad->name.p : "?").p);
	} else {
		rt->fn(r, rs);
	}
	if (rt != NULL && rt->cache && rs->status == MHD_HTTP_OK)
		rs->cacheable = true;
	return rt;
}

/* Queues rs, logs it, caches it when public. */
static enum MHD_Result
reply(struct req *r, struct resp *rs, unsigned long gen)
{
	struct MHD_Response *mr;
	enum MHD_Result ret;
	size_t len = rs->fd >= 0 ? (size_t)rs->fd_size : rs->pg.b.len;

	mr = make_response(rs);
	if (mr == NULL) {
		page_release(&rs->pg);
		return MHD_NO;
	}
	if (r->close)	/* the body unread: nothing more on this one */
		MHD_add_response_header(mr, "Connection", "close");
	if (r->midbody) {	/* written here, then the connection ends */
		(void)web_send_now(r->conn, rs->status, mr, rs->pg.b.p,
		    rs->pg.b.len);
		ret = MHD_NO;
	} else {
		ret = MHD_queue_response(r->conn, rs->status, mr);
	}
	access_log(r->web, r->conn, r->method, r->url, rs->status, len,
	    r->t0, r->who.account_id, false);
	if (rs->cacheable)
		cache_put(r, mr, rs->status, rs->pg.b.len, gen);
	else
		MHD_destroy_response(mr);
	page_release(&rs->pg);
	return ret;
}

static enum MHD_Result
respond(struct req *r)
{
	unsigned long gen = app_gen(r->app);
	struct resp rs;

	resp_init(&rs);
	dispatch(r, &rs);
	return reply(r, &rs, gen);
}

/* An upload's answer, made on a worker while the connection is suspended
   (suspended before the job is queued, so the resume always follows). */
struct job {
	struct pool_job	 pj;		/* first: the pool's link */
	struct req	*r;
	struct resp	 rs;
	unsigned long	 gen;
	atomic_bool	 done;
};

static void
job_run(struct pool_job *pj)
{
	struct job *j = (struct job *)(void *)pj;
	struct MHD_Connection *c = j->r->conn;

	dispatch(j->r, &j->rs);
	doc_release(j->r);	/* kept, or removed before the answer */
	atomic_store(&j->done, true);
	MHD_resume_connection(c);
}

void
web_run(struct req *r, struct pool_job *pj)
{
	if (!pool_submit(r->web->pool, pj))
		pj->fn(pj);
}

static enum MHD_Result
respond_upload(struct web *w, struct req *r)
{
	struct job *j = r->job;

	if (j != NULL)		/* resumed: the answer is ready */
		return atomic_load(&j->done) ? reply(r, &j->rs, j->gen) :
		    MHD_YES;
	j = arena_alloc(r->ar, sizeof *j);
	j->pj.fn = job_run;
	j->r = r;
	j->gen = app_gen(r->app);
	resp_init(&j->rs);
	atomic_init(&j->done, false);
	r->job = j;
	MHD_suspend_connection(r->conn);
	if (!pool_submit(w->pool, &j->pj))
		job_run(&j->pj);	/* stopping: here, then resumed */
	return MHD_YES;
}

/* The first call of a GET makes nothing: a public page served from the
   cache needs no arena.  This marks "GET, headers seen". */
static char get_pending;

/* A public route's cached page for this GET, before any allocation. */
static bool
fast_get(struct web *w, struct MHD_Connection *c, const char *method,
    const char *url, enum MHD_Result *ret)
{
	struct req probe;

	memset(&probe, 0, sizeof probe);
	for (size_t i = 0; i < web_nroutes; i++)
		if (web_routes[i].cache && match(web_routes[i].pattern, url, &probe))
			return cache_serve(w, c, method, url, now_us(), ret);
	return false;
}

static bool
upload_route(const char *url)
{
	struct req probe;

	memset(&probe, 0, sizeof probe);
	for (size_t i = 0; i < web_nroutes; i++)
		if ((web_routes[i].methods & M_UPLOAD) &&
		    match(web_routes[i].pattern, url, &probe))
			return true;
	return false;
}

/*
 * The first call of a POST: the body's limit (an upload route's when it
 * sends a multipart form) and the form parser.
 */
static void
post_begin(struct web *w, struct req *r)
{
	const char *ct = MHD_lookup_connection_value(r->conn,
	    MHD_HEADER_KIND, "Content-Type");
	const char *len = MHD_lookup_connection_value(r->conn,
	    MHD_HEADER_KIND, "Content-Length");
	int64_t n;

	r->urlenc = ct != NULL && strncasecmp(ct,
	    "application/x-www-form-urlencoded", 33) == 0;
	r->limit = MAX_FORM;
	if (ct != NULL && strncasecmp(ct, "multipart/form-data", 19) == 0 &&
	    upload_route(r->url)) {
		r->upload = true;
		r->limit = app_upload_body_max(w->app);
		r->too_big_msg = "Kiriman terlalu besar: berkas melebihi "
		    "batas ukuran dokumen.";
	}
	if (len != NULL && (parse_i64(str_c(len), 0, INT64_MAX, &n) !=
	    SEL_OK || n > r->limit))
		r->too_big = true;
	else
		r->pp = MHD_create_post_processor(r->conn, 4096, form_field, r);
}

/* A request's arena, with the request inside it. */
static struct req *
req_new(struct web *w, struct MHD_Connection *c, const char *method,
    const char *url)
{
	struct arena *ar = arena_new(16 << 10);
	struct req *r = arena_alloc(ar, sizeof *r);
	char ip[INET6_ADDRSTRLEN];

	memset(r, 0, sizeof *r);
	r->ar = ar;
	r->app = w->app;
	r->web = w;
	r->conn = c;
	r->method = method;
	r->url = url;
	r->t0 = now_us();
	ip_text(c, ip, sizeof ip);
	r->ip = (struct str){ arena_strndup(ar, ip, strlen(ip)), strlen(ip) };
	r->post = strcmp(method, "POST") == 0;
	return r;
}

/* Answered at the headers: the body never read, the connection closed. */
static enum MHD_Result
refuse(struct web *w, struct MHD_Connection *c, const char *method,
    const char *url, void **req_cls, unsigned status, const char *msg)
{
	struct req *r = req_new(w, c, method, url);
	struct resp rs;

	*req_cls = r;
	r->close = true;
	resp_init(&rs);
	page_error(r, &rs, status, msg);
	return reply(r, &rs, app_gen(w->app));
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *data,
    size_t *size, void **req_cls)
{
	struct web *w = cls;
	struct req *r = *req_cls;
	const char *why;
	unsigned bad;

	(void)version;
	if (r == NULL && (bad = web_framing(c, &why)) != 0)
		return refuse(w, c, method, url, req_cls, bad, why);
	if (r == NULL && (strcmp(method, "GET") == 0 ||
	    strcmp(method, "HEAD") == 0)) {
		*req_cls = &get_pending;
		return MHD_YES;
	}
	if (*req_cls == &get_pending) {
		enum MHD_Result ret;

		if (*size > 0) {	/* a GET's body means nothing: drop it */
			*size = 0;
			return MHD_YES;
		}
		if (fast_get(w, c, method, url, &ret))
			return ret;
		r = NULL;
		*req_cls = NULL;
	}
	if (r == NULL && web_archive_refused(w->app, method, &why)) /* archive */
		return refuse(w, c, method, url, req_cls, MHD_HTTP_FORBIDDEN, why);
	if (r == NULL) {
		*req_cls = r = req_new(w, c, method, url);
		if (!r->post)
			return respond(r);	/* the GET's second call */
		post_begin(w, r);
		r->close = r->too_big;	/* 413 now, the body never read */
		return r->too_big ? respond(r) : MHD_YES;
	}
	if (*size > 0) {
		if (r->upload && !r->too_big && !r->bad_form && doc_wait(r,
		    *size))
			return MHD_YES;	/* suspended: the bytes stay */
		r->body += *size;
		if (r->body > (size_t)r->limit && !r->too_big) {
			/* A chunked body (no Content-Length) past the limit:
			   413 now and the connection closed, the rest never
			   read. */
			r->too_big = true;
			r->close = r->midbody = true;
			*size = 0;
			return respond(r);
		}
		if (r->urlenc && !r->too_big && !form_escapes_ok(r, data, *size))
			r->bad_form = true;
		if (!r->too_big && !r->bad_form && r->pp != NULL &&
		    MHD_post_process(r->pp, data, *size) != MHD_YES)
			r->bad_form = true;
		*size = 0;
		return MHD_YES;
	}
	if (r->hex > 0)
		r->bad_form = true;	/* the body ends inside an escape */
	/*
	 * The parser's end: a multipart body cut before its closing
	 * boundary is refused here (else its file would be kept cut short).
	 */
	if (r->pp != NULL) {
		if (MHD_destroy_post_processor(r->pp) != MHD_YES)
			r->bad_form = true;
		r->pp = NULL;
		r->parsed = true;
	}
	if (r->upload)
		return respond_upload(w, r);
	return respond(r);
}

static void
on_done(void *cls, struct MHD_Connection *c, void **req_cls,
    enum MHD_RequestTerminationCode why)
{
	struct req *r = *req_cls;

	(void)cls, (void)c, (void)why;
	if (r == NULL || *req_cls == (void *)&get_pending)
		return;
	if (r->pp != NULL)
		MHD_destroy_post_processor(r->pp);
	doc_release(r);		/* an upload cut short: its temporary file */
	arena_destroy(r->ar);	/* r lives inside it */
	*req_cls = NULL;
}

enum sel_err
web_start(struct app *app, const struct web_config *cf, struct web **out,
    char *err, size_t errsz)
{
	struct web *w = xmalloc(sizeof *w);
	struct sockaddr_in sa;

	memset(w, 0, sizeof *w);
	w->app = app;
	w->cf = *cf;
	w->cache_max = (size_t)(cf->page_cache_mb > 0 ? cf->page_cache_mb :
	    CACHE_MB) << 20;
	pthread_mutex_init(&w->mu, NULL);
	if (cf->access_log != NULL && strcmp(cf->access_log, "-") == 0)
		w->log = stdout;
	else if (cf->access_log != NULL && cf->access_log[0] != '\0' &&
	    (w->log = fopen(cf->access_log, "a")) == NULL) {
		snprintf(err, errsz, "%s: cannot open the access log",
		    cf->access_log);
		goto fail;
	}
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)cf->port);
	if (inet_pton(AF_INET, cf->listen, &sa.sin_addr) != 1) {
		snprintf(err, errsz, "listen: \"%s\" is not an IPv4 address",
		    cf->listen);
		goto fail;
	}
	w->pool = pool_new(WEB_WORKERS);
	w->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_EPOLL | MHD_USE_TURBO | MHD_USE_ERROR_LOG |
	    MHD_ALLOW_SUSPEND_RESUME, 0, NULL, NULL,
	    on_request, w,
	    MHD_OPTION_EXTERNAL_LOGGER, web_mhd_log, w,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cf->threads,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)cf->max_conns,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)cf->max_per_ip,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)cf->timeout_s,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(32u << 10),
	    MHD_OPTION_NOTIFY_COMPLETED, on_done, w,
	    MHD_OPTION_LISTEN_BACKLOG_SIZE, 4096u,
	    MHD_OPTION_END);
	if (w->d == NULL) {
		snprintf(err, errsz, "cannot listen on %s:%d (in use?)",
		    cf->listen, cf->port);
		goto fail;
	}
	*out = w;
	return SEL_OK;
fail:
	pool_stop(w->pool);
	if (w->log != NULL && w->log != stdout)
		fclose(w->log);
	pthread_mutex_destroy(&w->mu);
	free(w);
	return SEL_EIO;
}

int
web_port(const struct web *w)
{
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(w->d,
	    MHD_DAEMON_INFO_BIND_PORT);

	return di != NULL ? di->port : 0;
}

bool
web_secure(const struct web *w)
{
	return w->cf.secure_cookies;
}

void
web_stop(struct web *w)
{
	if (w == NULL)
		return;
	/* None may stay suspended: the pool answers (resumes) all first. */
	pool_stop(w->pool);
	MHD_stop_daemon(w->d);	/* waits for the requests in flight */
	for (int i = 0; i < NCACHE; i++)
		if (w->cache[i].r != NULL)
			MHD_destroy_response(w->cache[i].r);
	if (w->log != NULL && w->log != stdout)
		fclose(w->log);
	else if (w->log != NULL)
		fflush(w->log);
	pthread_mutex_destroy(&w->mu);
	free(w);
}
