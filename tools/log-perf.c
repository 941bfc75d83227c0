/*
 * log-perf.c - on-demand figures of the verifiable log's core (issue 13;
 * tools/log-perf.sh builds it with -O2): the RFC 6962 root of 1M leaves,
 * and core/logcheck.c streaming 1M synthetic events of a typical size
 * (chain, content hash, leaf, root against a checkpoint at the end), one
 * core.  The store's reading is not in these figures.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/sha.h>

#include "core/logcheck.h"
#include "base/banned.h"

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* An event's bytes as store/store_log.c writes them, ~340 bytes. */
static size_t
event(unsigned char *b, int64_t id, const unsigned char prev[32])
{
	char f[9][200];
	size_t n = 0;

	snprintf(f[0], sizeof f[0], "%" PRId64, id);
	snprintf(f[1], sizeof f[1], "2026-11-23T03:00:00Z");
	snprintf(f[2], sizeof f[2], "3");
	snprintf(f[3], sizeof f[3], "Dr. Siti Aminah, M.Si. (ketua)");
	snprintf(f[4], sizeof f[4], "1");
	snprintf(f[5], sizeof f[5], "application_check");
	snprintf(f[6], sizeof f[6], "{\"state\":\"submitted\"}");
	snprintf(f[7], sizeof f[7], "{\"state\":\"complete\",\"note\":\"%"
	    PRId64 "\"}", id * 7);
	snprintf(f[8], sizeof f[8], "[{\"id\":\"ADM-COMPLETE\",\"citation\":"
	    "\"Perbup Demak 47/2022 Pasal 12\"}]");
	memcpy(b, "selter-event-v1", 16);
	memcpy(b + 16, prev, 32);
	n = 48;
	for (int i = 0; i < 9; i++) {
		uint64_t len = strlen(f[i]);

		for (int k = 7; k >= 0; k--)
			b[n++] = (unsigned char)(len >> (8 * k));
		memcpy(b + n, f[i], len);
		n += len;
	}
	return n;
}

int
main(int argc, char **argv)
{
	int64_t n = argc > 1 ? strtoll(argv[1], NULL, 10) : 1000000;
	unsigned char *bytes = malloc((size_t)n * 400), prev[32] = { 0 };
	size_t *len = malloc((size_t)n * sizeof *len);
	mhash *leaves = malloc((size_t)n * sizeof *leaves), *hash =
	    malloc((size_t)n * sizeof *hash), root;
	struct lc_cp cp = { .num = 1 };
	struct logcheck lc;
	double t0, t1, t2;

	for (int64_t i = 0; i < n; i++) {
		len[i] = event(bytes + i * 400, i + 1, prev);
		SHA256(bytes + i * 400, len[i], hash[i]);
		memcpy(prev, hash[i], 32);
	}
	struct merkle_acc h;

	merkle_acc_init(&h);
	t0 = now();
	for (int64_t i = 0; i < n; i++)
		merkle_acc_leaf(&h, bytes + i * 400, len[i], leaves[i]);
	t1 = now();
	merkle_acc_free(&h);
	merkle_root(leaves, (uint64_t)n, root);
	t2 = now();
	printf("leaves: %" PRId64 " events (~%zu bytes) hashed in %.3f s\n", n,
	    len[n / 2], t1 - t0);
	printf("root of %" PRId64 " leaves: %.3f s\n", n, t2 - t1);
	cp.size = (uint64_t)n;
	memcpy(cp.root, root, 32);
	memset(&lc, 0, sizeof lc);
	t0 = now();
	lc_start(&lc, &cp, 1);
	for (int64_t i = 0; i < n; i++)
		if (!lc_event(&lc, i + 1, hash[i], bytes + i * 400, len[i])) {
			printf("broken: %s\n", lc.why);
			return 1;
		}
	if (!lc_end(&lc) || lc.ok == NULL) {
		printf("broken: %s\n", lc.why);
		return 1;
	}
	t1 = now();
	lc_free(&lc);
	printf("verify (chain, content hash, leaf, root = checkpoint): %"
	    PRId64 " events in %.3f s\n", n, t1 - t0);
	free(bytes);
	free(len);
	free(leaves);
	free(hash);
	return 0;
}
