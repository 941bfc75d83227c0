/*
 * test_export.c - the table writers of the exports (web/export.c): CSV
 * by RFC 4180 with formulas neutralised (OWASP's CSV injection list), and
 * XLSX through libxlsxwriter, opened again as the zip it is
 * (tests/unit/xlsx_cells.py, python3's zipfile) to check each cell's type
 * and value: numbers as numbers, registration numbers and NIPs as text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "t.h"
#include "base/buf.h"
#include "web/export.h"
#include "base/banned.h"

/* One text cell as the CSV writer writes it. */
static const char *
field(struct arena *a, const char *in, size_t n)
{
	struct buf b;
	char *out;

	buf_init(&b, 4096);
	xs_csv_text(&b, (struct str){ in, n });
	out = arena_strndup(a, b.p != NULL ? b.p : "", b.len);
	buf_release(&b);
	return out;
}
#define F(a, lit)	field((a), "" lit "", sizeof(lit) - 1)

static void
csv_rfc4180_quoting(void **state)
{
	struct arena *a = T_ARENA(state);

	assert_string_equal(F(a, "plain"), "plain");
	assert_string_equal(F(a, ""), "");
	assert_string_equal(F(a, "a,b"), "\"a,b\"");
	assert_string_equal(F(a, "say \"hi\""), "\"say \"\"hi\"\"\"");
	assert_string_equal(F(a, "\""), "\"\"\"\"");
	assert_string_equal(F(a, "line1\nline2"), "\"line1\nline2\"");
	assert_string_equal(F(a, "line1\r\nline2"), "\"line1\r\nline2\"");
	assert_string_equal(F(a, "a;b"), "a;b");	/* not RFC 4180's */
	assert_string_equal(F(a, " spaced "), " spaced ");
}

/* OWASP: '=', '+', '-', '@', tab and CR first get an apostrophe. */
static void
csv_injection_each_prefix(void **state)
{
	struct arena *a = T_ARENA(state);

	assert_string_equal(F(a, "=1+2"), "'=1+2");
	assert_string_equal(F(a, "+62812"), "'+62812");
	assert_string_equal(F(a, "-5"), "'-5");
	assert_string_equal(F(a, "@SUM(A1:A9)"), "'@SUM(A1:A9)");
	assert_string_equal(F(a, "\tx"), "'\tx");
	assert_string_equal(F(a, "\rx"), "\"'\rx\"");
	assert_string_equal(F(a, "=HYPERLINK(\"http://x\",\"y\")"),
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	assert_string_equal(F(a, "=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
	/* Only the first character counts; a date stays a date. */
	assert_string_equal(F(a, "a=b"), "a=b");
	assert_string_equal(F(a, "2026-12-07"), "2026-12-07");
	assert_string_equal(F(a, "DEMAK-2026-1-0001"), "DEMAK-2026-1-0001");
}

static void
csv_utf8_and_text_kept(void **state)
{
	struct arena *a = T_ARENA(state);

	assert_string_equal(F(a, "Siti Nur'aini"), "Siti Nur'aini");
	assert_string_equal(F(a, "\xC3\x91" "o\xC3\xB1" "o"), "\xC3\x91"
	    "o\xC3\xB1" "o");
	assert_string_equal(F(a, "Dr. Ñ, M.Si."), "\"Dr. Ñ, M.Si.\"");
	assert_string_equal(F(a, "197804212003031002"), "197804212003031002");
	assert_string_equal(F(a, "0012"), "0012");
}

/* A small table whole: provenance, blank record, header, typed rows. */
static void
csv_whole_table(void **state)
{
	struct arena *a = T_ARENA(state);
	struct xsheet x;
	struct buf b;
	size_t r;

	xs_init(&x, a, STR("Nilai uji"), 4);
	xs_meta(&x, "Seleksi", STR("Seleksi, uji"));
	xs_head(&x, 0, STR("NIP"));
	xs_head(&x, 1, STR("Nama"));
	xs_head(&x, 2, STR("Nilai"));
	xs_head(&x, 3, STR("Urut"));
	r = xs_row(&x);
	xs_text(&x, r, 0, STR("197804212003031002"));
	xs_text(&x, r, 1, STR("Siti Nur'aini"));
	xs_fix2(&x, r, 2, 7750);
	xs_int(&x, r, 3, 1);
	r = xs_row(&x);
	xs_text(&x, r, 0, STR("000123"));
	xs_text(&x, r, 1, STR("=2+5"));
	xs_fix2(&x, r, 2, -1205);	/* a negative number stays one */
	xs_int(&x, r, 3, -7);
	r = xs_row(&x);			/* an empty row: four empty fields */
	buf_init(&b, 1 << 16);
	xs_csv(&x, &b);
	assert_int_equal(b.err, SEL_OK);
	assert_string_equal(b.p, "\xEF\xBB\xBF" "Nilai uji,,,\r\n"
	    "Seleksi,\"Seleksi, uji\",,\r\n"
	    ",,,\r\n"
	    "NIP,Nama,Nilai,Urut\r\n"
	    "197804212003031002,Siti Nur'aini,77.50,1\r\n"
	    "000123,'=2+5,-12.05,-7\r\n"
	    ",,,\r\n");
	buf_release(&b);
}

static void
csv_overflow_is_sticky_cells_bounded(void **state)
{
	struct arena *a = T_ARENA(state);
	struct xsheet x;
	struct buf b;

	xs_init(&x, a, STR("t"), 1);
	xs_head(&x, 0, STR("kolom"));
	for (int i = 0; i < 100; i++)
		xs_text(&x, xs_row(&x), 0, STR("0123456789"));
	assert_int_equal(x.nrow, 100);
	/* Outside the table: nothing written, nothing broken. */
	assert_null(xs_cell(&x, 100, 0));
	assert_null(xs_cell(&x, 0, 1));
	xs_text(&x, 100, 0, STR("x"));
	xs_fix2(&x, 0, 7, 1);
	assert_int_equal(xs_cell(&x, 0, 0)->k, XK_TEXT);
	buf_init(&b, 64);
	xs_csv(&x, &b);
	assert_int_not_equal(b.err, SEL_OK);
	buf_release(&b);
}

/* The cells of an XLSX file through python3's zipfile. */
static char *
cells(struct arena *a, const char *path)
{
	char cmd[1024], line[4096];
	struct buf b;
	FILE *p;
	char *out;

	snprintf(cmd, sizeof cmd, "python3 '%s/tests/unit/xlsx_cells.py' "
	    "'%s'", t_data_dir(), path);
	p = popen(cmd, "r");
	assert_non_null(p);
	buf_init(&b, 1 << 20);
	while (fgets(line, sizeof line, p) != NULL)
		buf_puts(&b, line);
	assert_int_equal(pclose(p), 0);
	out = arena_strndup(a, b.p != NULL ? b.p : "", b.len);
	buf_release(&b);
	return out;
}

static void
has(const char *all, const char *line)
{
	if (strstr(all, line) == NULL) {
		fprintf(stderr, "want: %s\ngot:\n%s", line, all);
		fail();
	}
}

static void
xlsx_types_kept(void **state)
{
	struct arena *a = T_ARENA(state);
	char path[64], err[256];
	struct xsheet x;
	const char *c;
	size_t r;
	int fd;

	xs_init(&x, a, STR("Nilai tahap: uji"), 5);
	x.name = STR("Nilai uji");
	xs_meta(&x, "Seleksi", STR("Seleksi uji"));
	xs_meta(&x, "Kepala jejak audit", STR("12:abcdef"));
	xs_head(&x, 0, STR("Nomor pendaftaran"));
	xs_head(&x, 1, STR("NIP"));
	xs_head(&x, 2, STR("Nama"));
	xs_head(&x, 3, STR("Nilai"));
	xs_head(&x, 4, STR("Jumlah"));
	r = xs_row(&x);
	xs_text(&x, r, 0, STR("0001"));
	xs_text(&x, r, 1, STR("197804212003031002"));
	xs_text(&x, r, 2, STR("Siti Nur'aini"));
	xs_fix2(&x, r, 3, 7715);
	xs_int(&x, r, 4, 3);
	r = xs_row(&x);
	xs_text(&x, r, 0, STR("DEMAK-2026-1-0002"));
	xs_text(&x, r, 1, STR("007804212003031002"));
	xs_text(&x, r, 2, STR("=HYPERLINK(\"http://x\")"));
	xs_fix2(&x, r, 3, -1250);
	xs_text(&x, r, 4, STR("Ñ, \"kutip\"\nbaris"));
	snprintf(path, sizeof path, "/tmp/selter-test-xlsx-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(xs_xlsx(&x, path, err, sizeof err), SEL_OK);
	c = cells(a, path);
	unlink(path);
	/* A bold header; text as shared strings, never formulas. */
	has(c, "A1|s|\"Nomor pendaftaran\"|0|1|0\n");
	has(c, "E1|s|\"Jumlah\"|0|1|0\n");
	has(c, "A2|s|\"0001\"|0|0|0\n");
	has(c, "B2|s|\"197804212003031002\"|0|0|0\n");
	has(c, "C2|s|\"Siti Nur'aini\"|0|0|0\n");
	has(c, "B3|s|\"007804212003031002\"|0|0|0\n");
	has(c, "C3|s|\"=HYPERLINK(\\\"http://x\\\")\"|0|0|0\n");
	has(c, "E3|s|\"Ñ, \\\"kutip\\\"\\nbaris\"|");
	/* Numbers as numbers: hundredths with format 0.00, counts plain. */
	has(c, "D2|n|\"77.15\"|0.00|0|0\n");
	has(c, "E2|n|\"3.0\"|0|0|0\n");
	has(c, "D3|n|\"-12.5\"|0.00|0|0\n");
	has(c, "sheets|Nilai uji|Keterangan\n");
	has(c, "pane|frozen|1\n");
	has(c, "title|Nilai tahap: uji\n");
}

/* A title that a sheet's name cannot hold is cut and cleaned. */
static void
xlsx_sheet_name_cleaned(void **state)
{
	struct arena *a = T_ARENA(state);
	char path[64], err[256];
	struct xsheet x;
	int fd;

	xs_init(&x, a, STR("Nilai [tahap]: seleksi kompetensi/asesmen "
	    "yang sangat panjang"), 1);
	xs_head(&x, 0, STR("A"));
	snprintf(path, sizeof path, "/tmp/selter-test-xlsx-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(xs_xlsx(&x, path, err, sizeof err), SEL_OK);
	has(cells(a, path), "sheets|Nilai -tahap-- seleksi kompeten|"
	    "Keterangan\n");
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(csv_rfc4180_quoting),
		T_TEST(csv_injection_each_prefix),
		T_TEST(csv_utf8_and_text_kept),
		T_TEST(csv_whole_table),
		T_TEST(csv_overflow_is_sticky_cells_bounded),
		T_TEST(xlsx_types_kept),
		T_TEST(xlsx_sheet_name_cleaned),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
