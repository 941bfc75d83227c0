/*
 * test_archive.c - the auditor's archive (issue 13 item 5): the container
 * and the manifest (core/archive.c) read back as written, every kind of
 * damage refused with its reason; a store holding the archive's row
 * (023_archive.sql) refuses every write transaction, reads still work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "t.h"
#include "base/arena.h"
#include "core/archive.h"
#include "store/store.h"
#include "store/store_archive.h"
#include "base/banned.h"

static struct str
two_members(struct buf *b)
{
	buf_init(b, 1 << 20);
	arch_write_start(b);
	arch_write_file(b, STR("manifest"), STR("m\n"));
	arch_write_file(b, STR("data.json"), STR("{}\n"));
	arch_write_file(b, STR("files/ab"), STR(""));
	return buf_str(b);
}

static void
test_container_round_trip(void **state)
{
	struct arch_file v[8];
	struct buf b;
	size_t n;
	char why[256];

	(void)state;
	assert_true(arch_parse(two_members(&b), v, 8, &n, why, sizeof why));
	assert_int_equal(n, 3);
	assert_true(str_eqc(v[0].name, "manifest") && str_eqc(v[0].data, "m\n"));
	assert_true(str_eqc(v[1].name, "data.json") &&
	    str_eqc(v[1].data, "{}\n"));
	assert_int_equal(v[2].data.len, 0);
	buf_release(&b);
}

/* Each damage named: the magic, a header, a size past the end, a size
   one short (no newline after), trailing bytes, a name twice, the
   manifest not first, a name with "..". */
static void
test_container_damage_refused(void **state)
{
	static const struct { const char *text, *why; } bad[] = {
	    { "selter-archive 2\nmanifest 0\n\n", "not an archive" },
	    { "selter-archive 1\nmanifest\n\n", "is not a member's header" },
	    { "selter-archive 1\nmanifest 9\nab\n", "ends inside it" },
	    { "selter-archive 1\nmanifest 1\nab\n", "not followed by a newline" },
	    { "selter-archive 1\nmanifest 2\nab\nx", "does not end" },
	    { "selter-archive 1\nmanifest 0\n\nmanifest 0\n\n", "comes twice" },
	    { "selter-archive 1\ndata.json 0\n\n", "not the manifest" },
	    { "selter-archive 1\nmanifest 0\n\n../x 0\n\n", "not a member's" },
	    { "selter-archive 1\nmanifest 01\na\n", "not a member's" },
	    { "selter-archive 1\n", "not the manifest" },
	};
	struct arch_file v[8];
	size_t n;
	char why[256];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		why[0] = '\0';
		if (arch_parse(str_c(bad[i].text), v, 8, &n, why, sizeof why))
			fail_msg("accepted: %s", bad[i].text);
		if (strstr(why, bad[i].why) == NULL)
			fail_msg("%zu: \"%s\", want \"%s\"", i, why, bad[i].why);
	}
}

static void
test_manifest_round_trip_and_refusals(void **state)
{
	struct arch_file f[2], g[4];
	struct arch_manifest m = { 0 }, r;
	struct buf b;
	char why[256], txt[1024];

	(void)state;
	memset(f, 0, sizeof f);
	f[0].name = STR("data.json");
	f[0].size = 12;
	memset(f[0].sha, 'a', 64);
	f[1].name = STR("pdf/publikasi-1.pdf");
	f[1].size = 0;
	memset(f[1].sha, '0', 64);
	m.region_code = STR("demak");
	m.region_name = STR("Pemerintah Kabupaten Demak");
	m.selection = 3;
	m.exported = STR("2026-11-23T03:00:00Z");
	m.key = STR("origin+01234567+AQ==");
	m.files = f;
	m.nfiles = 2;
	buf_init(&b, 1 << 16);
	arch_manifest_text(&b, &m);
	assert_true(arch_manifest_parse(buf_str(&b), &r, g, 4, why,
	    sizeof why));
	assert_int_equal(r.selection, 3);
	assert_true(str_eqc(r.region_name, "Pemerintah Kabupaten Demak"));
	assert_int_equal(r.nfiles, 2);
	assert_true(str_eqc(g[1].name, "pdf/publikasi-1.pdf"));
	assert_int_equal(g[0].size, 12);
	assert_string_equal(g[0].sha, f[0].sha);
	/* a selection that is not a number, a hash in upper case, a line
	   that is not a file */
	snprintf(txt, sizeof txt, "%.*s", (int)b.len, b.p);
	*strstr(txt, "selection 3") = 'X';
	assert_false(arch_manifest_parse(str_c(txt), &r, g, 4, why,
	    sizeof why));
	assert_non_null(strstr(why, "line 4"));
	snprintf(txt, sizeof txt, "%.*sfile x 1 %064d\n", (int)b.len, b.p, 0);
	assert_true(arch_manifest_parse(str_c(txt), &r, g, 4, why,
	    sizeof why));
	snprintf(txt, sizeof txt, "%.*sfile x 1 %s\n", (int)b.len, b.p,
	    "ABCDEF0000000000000000000000000000000000000000000000000000000000");
	assert_false(arch_manifest_parse(str_c(txt), &r, g, 4, why,
	    sizeof why));
	snprintf(txt, sizeof txt, "%.*sother line\n", (int)b.len, b.p);
	assert_false(arch_manifest_parse(str_c(txt), &r, g, 4, why,
	    sizeof why));
	assert_non_null(strstr(why, "file NAME SIZE SHA256"));
	buf_release(&b);
}

/* The store with the archive's row: every write transaction refused,
   reads as before, and so after the store is opened again. */
static void
test_store_read_only_under_archive_row(void **state)
{
	struct arena *ar = T_ARENA(state);
	char path[64], err[256];
	struct s_archive a, got;
	struct store *st;
	struct stx *tx;
	int fd;

	snprintf(path, sizeof path, "/tmp/selter-archive-XXXXXX");
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(store_open(path, 2, &st, err, sizeof err), SEL_OK);
	assert_false(store_is_archive(st));
	memset(&a, 0, sizeof a);
	a.region_code = STR("demak");
	a.region_name = STR("Pemerintah Kabupaten Demak");
	a.selection_id = 3;
	a.exported_at = STR("2026-11-23T03:00:00Z");
	a.origin = STR("bkpsdm.demak.example/selter");
	a.key_text = STR("k");
	a.sha256 = STR("00");
	a.imported_at = STR("2026-11-24T03:00:00Z");
	a.head_id = 474;
	memset(a.head_hash, 0xab, 32);
	assert_int_equal(store_begin(st, true, &tx), SEL_OK);
	assert_int_equal(store_archive_set(tx, &a), SEL_OK);
	assert_int_equal(store_commit(st, tx), SEL_OK);
	store_close(st);

	assert_int_equal(store_open(path, 2, &st, err, sizeof err), SEL_OK);
	assert_true(store_is_archive(st));
	assert_int_equal(store_begin(st, true, &tx), SEL_EPERM);
	assert_int_equal(store_begin(st, false, &tx), SEL_OK);
	assert_int_equal(store_archive_get(tx, ar, &got), SEL_OK);
	store_abort(st, tx);
	assert_int_equal(got.selection_id, 3);
	assert_int_equal(got.head_id, 474);
	assert_int_equal(got.head_hash[31], 0xab);
	assert_true(str_eqc(got.region_name, "Pemerintah Kabupaten Demak"));
	store_close(st);
	unlink(path);
	snprintf(err, sizeof err, "%s-wal", path);
	unlink(err);
	snprintf(err, sizeof err, "%s-shm", path);
	unlink(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(test_container_round_trip),
		T_TEST(test_container_damage_refused),
		T_TEST(test_manifest_round_trip_and_refusals),
		T_TEST(test_store_read_only_under_archive_row),
	};

	return cmocka_run_group_tests_name("archive", tests, NULL, NULL);
}
