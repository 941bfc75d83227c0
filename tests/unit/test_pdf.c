/*
 * test_pdf.c - src/pdf (issue 13 item 1): the page builder's HTML read as
 * blocks of plain text (entities decoded, a typed "<b>x</b>" kept as
 * text, bold spans, tables, the signature paragraph set aside), and a
 * letter rendered twice to the same bytes.  With PDF_OUT set, the sample
 * letter is written there (for a look with pdftoppm).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdf.h"
#include "t.h"
#include "base/banned.h"

static const char body[] =
    "<p class=\"lead\">Nomor pengumuman: 800/1/PANSEL/2026<br>Pemerintah "
    "Kabupaten Demak</p><h2>Jabatan yang lowong</h2><div class=\"scroll\">"
    "<table><caption>Lowongan</caption><thead><tr><th scope=\"col\">"
    "Jabatan</th><th scope=\"col\">Eselon</th></tr></thead><tbody><tr><td>"
    "Kepala Dinas &lt;b&gt;x&lt;/b&gt; &amp;amp; Co</td><td>II.b</td></tr>"
    "</tbody></table></div><ul><li><strong>Memenuhi</strong> "
    "<code>ANN-DURATION</code> 20 hari</li><li>Pakta &#233;&#x41;</li>"
    "</ul><p class=\"pre\">baris satu\nbaris  dua</p>"
    "<p class=\"sign\">Ditetapkan 15 Agustus 2026<br>Ketua Panitia "
    "Seleksi,<br><strong>Dr. Siti</strong></p>"
    "<p class=\"small hash\">Dasar hukum: Perbup</p>";

static void
test_html_blocks(void **state)
{
	struct pdf_block *b;
	size_t n;

	pdf_html_blocks(T_ARENA(state), str_c(body), &b, &n);
	assert_int_equal(n, 10);
	assert_int_equal(b[0].kind, PB_PARA);
	assert_string_equal(b[0].c[0].text.p,
	    "Nomor pengumuman: 800/1/PANSEL/2026\nPemerintah Kabupaten Demak");
	assert_int_equal(b[1].kind, PB_HEAD);
	assert_int_equal(b[2].kind, PB_CAPTION);
	assert_int_equal(b[3].kind, PB_ROW);
	assert_int_equal(b[3].nc, 2);
	assert_true(b[3].c[0].head);
	/* Entities decoded once: what a user typed stays as typed. */
	assert_int_equal(b[4].kind, PB_ROW);
	assert_string_equal(b[4].c[0].text.p, "Kepala Dinas <b>x</b> &amp; Co");
	assert_false(b[4].c[0].head);
	assert_int_equal(b[4].c[0].nbold, 0);
	assert_int_equal(b[5].kind, PB_ITEM);
	assert_string_equal(b[5].c[0].text.p, "Memenuhi ANN-DURATION 20 hari");
	assert_int_equal(b[5].c[0].nbold, 1);
	assert_int_equal(b[5].c[0].bold[0].from, 0);
	assert_int_equal(b[5].c[0].bold[0].to, 8);
	assert_string_equal(b[6].c[0].text.p, "Pakta \xc3\xa9" "A");
	/* class="pre" keeps its spaces and lines */
	assert_string_equal(b[7].c[0].text.p, "baris satu\nbaris  dua");
	assert_true(b[8].sign);
	assert_int_equal(b[9].kind, PB_SMALL);
}

static void
test_html_broken(void **state)
{
	struct pdf_block *b;
	size_t n;

	(void)state;
	/* Unknown entities and a tag never closed: text, no crash. */
	pdf_html_blocks(T_ARENA(state), str_c("<p>a &bogus; &#xZZ; b<p>c <td>d"), &b,
	    &n);
	assert_int_equal(n, 2);
	assert_string_equal(b[0].c[0].text.p, "a &bogus; &#xZZ; b");
	assert_string_equal(b[1].c[0].text.p, "c d");
	pdf_html_blocks(T_ARENA(state), str_c(""), &b, &n);
	assert_int_equal(n, 0);
}

static void
sample(struct pdf_letter *l)
{
	memset(l, 0, sizeof *l);
	l->region = STR("Pemerintah Kabupaten Demak");
	l->province = STR("Jawa Tengah");
	l->agency = STR("Panitia Seleksi Terbuka Jabatan Pimpinan Tinggi "
	    "Pratama");
	l->address = STR("Jl. Contoh No. 1, Demak");
	l->kind = STR("Pengumuman");
	l->number = STR("800/1/PANSEL/2026");
	l->subject = STR("Seleksi terbuka JPT Pratama Kabupaten Demak 2026");
	l->html = str_c(body);
	l->place = STR("Demak");
	l->date = STR("15 Agustus 2026");
	l->signer_post = STR("Ketua Panitia Seleksi");
	l->signer_name = STR("<b>x</b> &amp; Dr. Siti");
	l->verify_url = STR("http://127.0.0.1/verifikasi/abcde-fghjk");
	l->code = STR("ABCDE-FGHJK");
	l->title = STR("Pengumuman");
	l->created = STR("2026-08-15T03:00:00Z");
}

static void
test_render_same_bytes(void **state)
{
	struct pdf_letter l;
	struct buf a, b;
	const char *out = getenv("PDF_OUT");

	(void)state;
	sample(&l);
	buf_init(&a, 8 << 20);
	buf_init(&b, 8 << 20);
	assert_int_equal(pdf_render(&l, &a), SEL_OK);
	assert_int_equal(pdf_render(&l, &b), SEL_OK);
	assert_true(a.len > 1000);
	assert_memory_equal(a.p, "%PDF-1.5", 8);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.p, b.p, a.len);
	if (out != NULL) {
		FILE *f = fopen(out, "wb");

		assert_non_null(f);
		assert_int_equal(fwrite(a.p, 1, a.len, f), a.len);
		assert_int_equal(fclose(f), 0);
	}
	/* A confidential letter: another document. */
	l.secret_to = STR("Bupati Demak (ppk)");
	buf_reset(&b);
	assert_int_equal(pdf_render(&l, &b), SEL_OK);
	assert_false(a.len == b.len && memcmp(a.p, b.p, a.len) == 0);
	buf_release(&a);
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(test_html_blocks),
		T_TEST(test_html_broken),
		T_TEST(test_render_same_bytes),
	};

	int rc = cmocka_run_group_tests_name("pdf", tests, NULL, NULL);

	pdf_shutdown();
	return rc;
}
