/*
 * test_log.c - the verifiable log's core (core/merkle.c, core/note.c):
 * RFC 6962 roots against the Certificate Transparency vectors, every
 * inclusion and consistency proof of trees up to 40 leaves against an
 * independent reference (merkle_ref.py, hashlib over the RFC's recursive
 * definitions), proofs refused when altered, and the C2SP formats: keys,
 * signed notes, cosignatures, checkpoints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "t.h"
#include "core/merkle.h"
#include "core/note.h"
#include "base/banned.h"

static void
hex(const mhash h, char out[65])
{
	for (int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", h[i]);
}

/* The CT vectors: leaves "", 00, 10, 2021, 3031, 40414243, ... */
static void
test_roots_ct_vectors(void **state)
{
	static const char *const data[] = { "", "00", "10", "2021", "3031",
	    "40414243", "5051525354555657",
	    "606162636465666768696a6b6c6d6e6f" };
	static const char *const want[] = {
	    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
	    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
	    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
	    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
	    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
	    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
	    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
	    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328" };
	mhash leaves[8], root;
	char got[65];

	(void)state;
	for (int i = 0; i < 8; i++) {
		unsigned char b[16];
		size_t n = 0;

		assert_int_equal(sodium_hex2bin(b, sizeof b, data[i],
		    strlen(data[i]), NULL, &n, NULL), 0);
		merkle_leaf(b, n, leaves[i]);
	}
	for (int n = 1; n <= 8; n++) {
		merkle_root(leaves, (uint64_t)n, root);
		hex(root, got);
		assert_string_equal(got, want[n - 1]);
	}
	merkle_root(leaves, 0, root);
	hex(root, got);
	assert_string_equal(got, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
}

/* "a,b,c" of hex hashes into v. */
static size_t
parse_list(char *s, mhash *v)
{
	size_t n = 0;

	for (char *p = s; *p != '\0' && *p != '\n';) {
		size_t got = 0;

		assert_int_equal(sodium_hex2bin(v[n], 32, p, 64, NULL, &got,
		    NULL), 0);
		assert_int_equal(got, 32);
		n++;
		p += 64;
		if (*p == ',')
			p++;
	}
	return n;
}

static void
same_proof(mhash *a, size_t na, mhash *b, size_t nb)
{
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++)
		assert_memory_equal(a[i], b[i], 32);
}

static void
test_proofs_against_reference(void **state)
{
	char cmd[1024], line[8192], got[65];
	mhash leaves[40], proof[MERKLE_MAXPROOF], ref[MERKLE_MAXPROOF];
	mhash roots[41], bad[MERKLE_MAXPROOF];
	size_t len, nref;
	int nroot = 0, nincl = 0, ncons = 0;
	FILE *f;

	(void)state;
	for (int i = 0; i < 40; i++) {
		char b[16];
		int n = snprintf(b, sizeof b, "leaf-%d", i);

		merkle_leaf(b, (size_t)n, leaves[i]);
	}
	for (int n = 0; n <= 40; n++)
		merkle_root(leaves, (uint64_t)n, roots[n]);
	snprintf(cmd, sizeof cmd, "python3 %s/tests/unit/merkle_ref.py 40",
	    getenv("SELTER_DATA") != NULL ? getenv("SELTER_DATA") : ".");
	assert_non_null(f = popen(cmd, "r"));
	while (fgets(line, sizeof line, f) != NULL) {
		unsigned long n, m;
		int off = 0;

		if (sscanf(line, "root %lu %n", &n, &off) == 1 && off > 0) {
			hex(roots[n], got);
			assert_memory_equal(got, line + off, 64);
			nroot++;
		} else if (sscanf(line, "incl %lu %lu %n", &n, &m, &off) == 2 &&
		    off > 0) {
			nref = parse_list(line + off, ref);
			assert_true(merkle_inclusion(leaves, n, m, proof, &len));
			same_proof(proof, len, ref, nref);
			assert_true(merkle_inclusion_check(m, n, leaves[m],
			    proof, len, roots[n]));
			/* Any other leaf, size or a changed hash: refused. */
			assert_false(merkle_inclusion_check(m, n,
			    leaves[(m + 1) % 40], proof, len, roots[n]));
			for (size_t i = 0; i < len; i++) {
				memcpy(bad, proof, sizeof bad);
				bad[i][i % 32] ^= 1;
				assert_false(merkle_inclusion_check(m, n,
				    leaves[m], bad, len, roots[n]));
			}
			nincl++;
		} else if (sscanf(line, "cons %lu %lu %n", &m, &n, &off) == 2 &&
		    off > 0) {
			nref = parse_list(line + off, ref);
			assert_true(merkle_consistency(leaves, n, m, proof,
			    &len));
			same_proof(proof, len, ref, nref);
			assert_true(merkle_consistency_check(m, n, roots[m],
			    roots[n], proof, len));
			if (m < n) {
				/* Another old root (a forked log): refused. */
				assert_false(merkle_consistency_check(m, n,
				    roots[m - 1 > 0 ? m - 1 : n], roots[n],
				    proof, len));
				for (size_t i = 0; i < len; i++) {
					memcpy(bad, proof, sizeof bad);
					bad[i][0] ^= 0x80;
					assert_false(merkle_consistency_check(m,
					    n, roots[m], roots[n], bad, len));
				}
			}
			ncons++;
		}
	}
	assert_int_equal(pclose(f), 0);
	assert_int_equal(nroot, 41);
	assert_int_equal(nincl, 40 * 41 / 2);
	assert_int_equal(ncons, 40 * 41 / 2);
	assert_false(merkle_inclusion(leaves, 5, 5, proof, &len));
	assert_false(merkle_consistency(leaves, 5, 0, proof, &len));
	assert_false(merkle_consistency(leaves, 5, 6, proof, &len));
}

static void
key(struct note_key *k, const char *name, unsigned char type, int seed)
{
	unsigned char s[32];

	memset(s, seed, sizeof s);
	assert_true(note_key_from_seed(k, str_c(name), type, s));
}

static void
test_keys_round_trip(void **state)
{
	struct note_key k, p, s;
	struct buf b;

	(void)state;
	key(&k, "selter.example/log", NOTE_ED25519, 7);
	buf_init(&b, 4096);
	note_vkey_text(&k, &b);
	assert_true(str_starts(buf_str(&b), "selter.example/log+"));
	assert_true(note_vkey_parse(buf_str(&b), &p));
	assert_memory_equal(p.pub, k.pub, 32);
	assert_int_equal(p.id, k.id);
	assert_false(p.secret);
	/* A changed id, a changed key: refused. */
	b.p[19] = b.p[19] == '0' ? '1' : '0';
	assert_false(note_vkey_parse(buf_str(&b), &p));
	buf_reset(&b);
	note_skey_text(&k, &b);
	assert_true(str_starts(buf_str(&b), "PRIVATE+KEY+selter.example/log+"));
	assert_true(note_skey_parse(buf_str(&b), &s));
	assert_true(s.secret);
	assert_memory_equal(s.sk, k.sk, 64);
	assert_false(note_vkey_parse(buf_str(&b), &p));
	assert_false(note_skey_parse(STR("PRIVATE+KEY+a b+00000000+AA=="),
	    &s));
	assert_false(note_name_ok(STR("a+b")));
	assert_false(note_name_ok(STR("")));
	buf_release(&b);
}

static void
test_note_sign_verify(void **state)
{
	struct note_key k, other, same_name;
	struct str text = STR("selter.example/log\n5\n"
	    "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
	struct str t, s;
	mhash root;
	struct str origin;
	uint64_t size;
	struct buf b;

	(void)state;
	key(&k, "selter.example/log", NOTE_ED25519, 1);
	key(&other, "pengawas.example", NOTE_ED25519, 2);
	key(&same_name, "selter.example/log", NOTE_ED25519, 3);
	buf_init(&b, 4096);
	buf_putstr(&b, text);
	buf_puts(&b, "\n");
	note_sign(&k, text, &b);
	assert_true(note_split(buf_str(&b), &t, &s));
	assert_true(str_eq(t, text));
	assert_int_equal(note_verify(&k, t, s), 1);
	assert_int_equal(note_verify(&other, t, s), 0);
	assert_int_equal(note_verify(&same_name, t, s), 0);
	assert_true(ckpt_parse(t, &origin, &size, root));
	assert_true(str_eqc(origin, "selter.example/log"));
	assert_int_equal(size, 5);
	/* Another text under the same signature. */
	assert_int_equal(note_verify(&k, STR("selter.example/log\n6\n"), s),
	    -1);
	/* A byte of the signature changed. */
	b.p[b.len - 3] = b.p[b.len - 3] == 'A' ? 'B' : 'A';
	assert_true(note_split(buf_str(&b), &t, &s));
	assert_int_equal(note_verify(&k, t, s), -1);
	assert_false(ckpt_parse(STR("o\n05\nAA==\n"), &origin, &size, root));
	assert_false(ckpt_parse(STR("o\n5\nAA==\n"), &origin, &size, root));
	assert_false(note_split(STR("no signature\n"), &t, &s));
	buf_release(&b);
}

static void
test_cosignature(void **state)
{
	struct note_key w, k;
	struct str text = STR("selter.example/log\n5\n"
	    "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
	uint64_t t = 0;
	struct buf b;

	(void)state;
	key(&w, "pengawas.example", NOTE_COSIG, 9);
	key(&k, "pengawas.example", NOTE_ED25519, 9);
	assert_int_not_equal(w.id, k.id);	/* the type is in the id */
	buf_init(&b, 4096);
	note_cosign(&w, text, 1765000000, &b);
	assert_int_equal(note_cosig_verify(&w, text, buf_str(&b), &t), 1);
	assert_int_equal(t, 1765000000);
	assert_int_equal(note_cosig_verify(&w, STR("x\n1\nAA==\n"),
	    buf_str(&b), &t), -1);
	assert_int_equal(note_verify(&k, text, buf_str(&b)), 0);
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(test_roots_ct_vectors),
		T_TEST(test_proofs_against_reference),
		T_TEST(test_keys_round_trip),
		T_TEST(test_note_sign_verify),
		T_TEST(test_cosignature),
	};

	return cmocka_run_group_tests_name("log", tests, NULL, NULL);
}
