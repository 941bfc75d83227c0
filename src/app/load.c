/*
 * load.c - files in, core structures out.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/load.h"
#include "base/arena.h"
#include "core/holiday.h"
#include "core/profile.h"
#include "app/app_int.h"
#include "base/banned.h"

/*
 * Without SELTER_DATA, the data is found from the program's own place:
 * the nearest directory above the executable that holds profiles/ and
 * data/holidays/ (the source tree, for a program built inside it), else
 * the current directory.  The build no longer writes the source tree's
 * absolute path into the program (issue 11 item 6).
 */
static char data_dir[4096] = ".";
static pthread_once_t data_once = PTHREAD_ONCE_INIT;

static bool
holds_data(const char *dir)
{
	char p[4200];
	struct stat st;

	snprintf(p, sizeof p, "%s/profiles", dir);
	if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))
		return false;
	snprintf(p, sizeof p, "%s/data/holidays", dir);
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static void
data_find(void)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return;
	exe[n] = '\0';
	for (int up = 0; up < 8; up++) {
		char *slash = strrchr(exe, '/');

		if (slash == NULL || slash == exe)
			return;
		*slash = '\0';		/* the directory above */
		if (holds_data(exe)) {
			snprintf(data_dir, sizeof data_dir, "%s", exe);
			return;
		}
	}
}

const char *
app_data_dir(void)
{
	const char *d = getenv("SELTER_DATA");

	if (d != NULL && d[0] != '\0')
		return d;
	pthread_once(&data_once, data_find);
	return data_dir;
}

void
app_err_diag(struct app_err *e, const char *file, const struct diag *d)
{
	if (d->line > 0)
		snprintf(e->msg, sizeof(e->msg), "%s:%u: %s", file, d->line,
		    d->msg);
	else
		snprintf(e->msg, sizeof(e->msg), "%s: %s", file, d->msg);
}

enum sel_err
app_read_file(struct arena *a, const char *path, size_t max, char **text,
    size_t *len, struct app_err *e)
{
	struct stat st;
	size_t cap = 65536, n = 0;
	char *buf;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(e->msg, sizeof(e->msg), "%s: cannot open: %s", path,
		    strerror(errno));
		return errno == ENOENT ? SEL_ENOENT : SEL_EIO;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		snprintf(e->msg, sizeof(e->msg), "%s: is a directory", path);
		close(fd);
		return SEL_EINVAL;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		cap = (size_t)st.st_size + 1;
	if (cap > max + 1)
		cap = max + 1;
	buf = xmalloc(cap);
	for (;;) {
		ssize_t r;

		if (n == cap) {
			if (cap > max) {
				snprintf(e->msg, sizeof(e->msg), "%s: larger "
				    "than %zu bytes", path, max);
				free(buf);
				close(fd);
				return SEL_ERANGE;
			}
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			buf = xrealloc(buf, cap);
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			snprintf(e->msg, sizeof(e->msg), "%s: read error: %s",
			    path, strerror(errno));
			free(buf);
			close(fd);
			return SEL_EIO;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (n > max) {
		snprintf(e->msg, sizeof(e->msg), "%s: larger than %zu bytes",
		    path, max);
		free(buf);
		return SEL_ERANGE;
	}
	*text = arena_strndup(a, buf, n);
	*len = n;
	free(buf);
	return SEL_OK;
}

enum sel_err
app_read_json(struct arena *a, const char *path, struct json **root,
    struct app_err *e)
{
	struct diag d;
	char *text;
	size_t len;
	enum sel_err rc;

	rc = app_read_file(a, path, APP_MAX_DOC, &text, &len, e);
	if (rc != SEL_OK)
		return rc;
	if (json_parse(a, text, len, 1, true, root, &d) != SEL_OK) {
		app_err_diag(e, path, &d);
		return SEL_EINVAL;
	}
	return SEL_OK;
}

static enum sel_err
profile_from_file(struct arena *a, const char *path, struct profile **out,
    struct app_err *e)
{
	struct diag d;
	char *text;
	size_t len;
	enum sel_err rc;

	rc = app_read_file(a, path, 4u << 20, &text, &len, e);
	if (rc != SEL_OK)
		return rc;
	if (profile_parse(a, path, text, len, out, &d) != SEL_OK) {
		app_err_diag(e, path, &d);
		return SEL_EINVAL;
	}
	return SEL_OK;
}

const char *
app_profiles_dir(const char *dir, char *buf, size_t size)
{
	const char *env = getenv("SELTER_PROFILES");

	if (dir != NULL && dir[0] != '\0')
		return dir;
	if (env != NULL && env[0] != '\0')
		return env;
	snprintf(buf, size, "%s/profiles", app_data_dir());
	return buf;
}

/* A profile directory named by the user must be one. */
static enum sel_err
dir_check(const char *dir, struct app_err *e)
{
	struct stat st;

	if (stat(dir, &st) != 0) {
		snprintf(e->msg, sizeof(e->msg), "profiles: %.900s: %s", dir,
		    strerror(errno));
		return SEL_EINVAL;
	}
	if (!S_ISDIR(st.st_mode)) {
		snprintf(e->msg, sizeof(e->msg), "profiles: %.900s: not a "
		    "directory", dir);
		return SEL_EINVAL;
	}
	return SEL_OK;
}

enum sel_err
app_profile(struct arena *a, const char *dir, const char *arg,
    struct profile **out, struct app_err *e)
{
	char path[4600], def[4096];
	const char *d = app_profiles_dir(dir, def, sizeof(def));

	if (strchr(arg, '/') != NULL || strstr(arg, ".json") != NULL)
		return profile_from_file(a, arg, out, e);
	if (!profile_id_valid(str_c(arg))) {
		snprintf(e->msg, sizeof(e->msg), "--profile: \"%.80s\" is "
		    "neither a profile id nor a path", arg);
		return SEL_EINVAL;
	}
	if (d != def && dir_check(d, e) != SEL_OK)
		return SEL_EINVAL;
	snprintf(path, sizeof(path), "%s/%s.json", d, arg);
	if (access(path, R_OK) != 0 && d == def) {
		snprintf(e->msg, sizeof(e->msg), "--profile: unknown profile "
		    "id \"%s\" (selter profiles lists them)", arg);
		return SEL_EINVAL;
	}
	if (access(path, R_OK) != 0) {
		snprintf(e->msg, sizeof(e->msg), "--profile: unknown profile "
		    "id \"%.64s\" in %.400s (selter profiles --profiles %.400s "
		    "lists them)", arg, d, d);
		return SEL_EINVAL;
	}
	return profile_from_file(a, path, out, e);
}

static int
cmp_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static int
cmp_profile(const void *x, const void *y)
{
	const struct profile *a = *(struct profile *const *)x;
	const struct profile *b = *(struct profile *const *)y;
	size_t n = a->id.len < b->id.len ? a->id.len : b->id.len;
	int c = memcmp(a->id.p, b->id.p, n);

	return c != 0 ? c : (a->id.len > b->id.len) - (a->id.len < b->id.len);
}

/* Names in dir ending with suffix, sorted; in the arena. */
static enum sel_err
list_dir(struct arena *a, const char *dir, const char *suffix, char ***out,
    size_t *n, struct app_err *e)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t cap = 16, sl = strlen(suffix);
	char **v;

	if (d == NULL) {
		snprintf(e->msg, sizeof(e->msg), "%s: cannot open directory: "
		    "%s", dir, strerror(errno));
		return SEL_EIO;
	}
	v = arena_array(a, cap, sizeof(*v));
	*n = 0;
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);

		if (de->d_name[0] == '.' || l <= sl ||
		    strcmp(de->d_name + l - sl, suffix) != 0)
			continue;
		if (*n == cap) {
			v = arena_grow(a, v, cap, cap * 2, sizeof(*v));
			cap *= 2;
		}
		v[(*n)++] = arena_strndup(a, de->d_name, l);
	}
	closedir(d);
	qsort(v, *n, sizeof(*v), cmp_name);
	*out = v;
	return SEL_OK;
}

enum sel_err
app_profiles(struct arena *a, const char *pdir, struct profile ***list,
    size_t *n, struct app_err *e)
{
	char def[4096], path[4600], **names;
	const char *dir = app_profiles_dir(pdir, def, sizeof(def));
	size_t k;
	enum sel_err rc;

	if (dir != def && dir_check(dir, e) != SEL_OK)
		return SEL_EINVAL;
	rc = list_dir(a, dir, ".json", &names, &k, e);
	if (rc != SEL_OK)
		return rc;
	*list = arena_array(a, k, sizeof(**list));
	for (size_t i = 0; i < k; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		rc = profile_from_file(a, path, &(*list)[i], e);
		if (rc != SEL_OK)
			return rc;
	}
	qsort(*list, k, sizeof(**list), cmp_profile);
	*n = k;
	return SEL_OK;
}

static enum sel_err
holiday_file(struct arena *a, struct cal *c, const char *path,
    enum cal_mode mode, struct app_err *e)
{
	struct diag d;
	char *text;
	size_t len;
	enum sel_err rc;

	rc = app_read_file(a, path, 1u << 20, &text, &len, e);
	if (rc != SEL_OK)
		return rc;
	if (cal_load(c, text, len, mode, &d) != SEL_OK) {
		app_err_diag(e, path, &d);
		return SEL_EINVAL;
	}
	return SEL_OK;
}

enum sel_err
app_holidays(struct arena *a, struct cal **out, struct app_err *e)
{
	char dir[4096], path[4600], **names;
	struct cal *c = cal_new(a);
	size_t k;
	enum sel_err rc;

	snprintf(dir, sizeof(dir), "%s/data/holidays", app_data_dir());
	rc = list_dir(a, dir, ".txt", &names, &k, e);
	for (size_t i = 0; rc == SEL_OK && i < k; i++) {
		int64_t y;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		/* YYYY.txt holds year YYYY: a renamed copy is an error. */
		if (strlen(names[i]) != 8 || parse_i64((struct str){
		    names[i], 4 }, DATE_MIN_YEAR, DATE_MAX_YEAR, &y)) {
			snprintf(e->msg, sizeof(e->msg), "%.900s: a holiday file is "
			    "named YYYY.txt", path);
			return SEL_EINVAL;
		}
		rc = holiday_file(a, c, path, CAL_STRICT, e);
		if (rc == SEL_OK && !cal_covers(c, (int)y)) {
			snprintf(e->msg, sizeof(e->msg), "%.900s: its \"year:\" is "
			    "not %lld, the year in its name", path,
			    (long long)y);
			return SEL_EINVAL;
		}
	}
	if (rc == SEL_OK)
		*out = c;
	return rc;
}

enum sel_err
app_holidays_file(struct arena *a, const char *path, struct cal **out,
    struct app_err *e)
{
	struct cal *c = cal_new(a);
	enum sel_err rc = holiday_file(a, c, path, CAL_LENIENT, e);

	if (rc == SEL_OK)
		*out = c;
	return rc;
}
