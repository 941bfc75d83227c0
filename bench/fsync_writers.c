/*
 * fsync_writers: the disk's own throughput for bench/deadline's uploads.
 * THREADS writer threads each write FILES files of SIZE bytes (random
 * content) under DIR, each with write, fsync and close, as a server
 * storing an upload would.  Prints files/s and MB/s over the whole run.
 *
 * usage: fsync_writers DIR [THREADS [FILES [SIZE]]]   (32, 20, 2 MiB)
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/banned.h"

static const char	*dir;
static long		 nfiles = 20;
static size_t		 size = 2 * 1024 * 1024;
static unsigned char	*buf;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *
writer(void *arg)
{
	long t = (long)(intptr_t)arg;
	char path[4096];

	for (long i = 0; i < nfiles; i++) {
		size_t done = 0;
		int fd;

		snprintf(path, sizeof path, "%s/w%ld-%ld", dir, t, i);
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd < 0) {
			perror(path);
			exit(2);
		}
		/* Each file its own bytes: the buffer at another offset. */
		while (done < size) {
			size_t n = size - done;
			ssize_t w;

			if (n > 65536)
				n = 65536;
			w = write(fd, buf + ((size_t)(t * 7919 + i * 104729) +
			    done) % size, n);
			if (w < 0) {
				if (errno == EINTR)
					continue;
				perror(path);
				exit(2);
			}
			done += (size_t)w;
		}
		if (fsync(fd) != 0 || close(fd) != 0) {
			perror(path);
			exit(2);
		}
	}
	return NULL;
}

int
main(int argc, char *argv[])
{
	long nthreads = 32;
	pthread_t *th;
	double t0, t;
	FILE *r;

	if (argc < 2) {
		fprintf(stderr, "usage: fsync_writers DIR [THREADS [FILES "
		    "[SIZE]]]\n");
		return 2;
	}
	dir = argv[1];
	if (argc > 2)
		nthreads = strtol(argv[2], NULL, 10);
	if (argc > 3)
		nfiles = strtol(argv[3], NULL, 10);
	if (argc > 4)
		size = (size_t)strtoul(argv[4], NULL, 10);
	if (nthreads < 1 || nfiles < 1 || size < 1)
		return 2;
	/* The buffer twice over, so every offset has size bytes after it. */
	if ((buf = malloc(size * 2)) == NULL ||
	    (r = fopen("/dev/urandom", "rb")) == NULL ||
	    fread(buf, 1, size, r) != size)
		return 2;
	fclose(r);
	memcpy(buf + size, buf, size);
	if ((th = calloc((size_t)nthreads, sizeof *th)) == NULL)
		return 2;
	t0 = now();
	for (long i = 0; i < nthreads; i++)
		if (pthread_create(&th[i], NULL, writer, (void *)(intptr_t)i))
			return 2;
	for (long i = 0; i < nthreads; i++)
		pthread_join(th[i], NULL);
	t = now() - t0;
	printf("threads %ld files %ld size %zu seconds %.3f\n", nthreads,
	    nthreads * nfiles, size, t);
	printf("files_per_s %.1f\nmb_per_s %.1f\n",
	    (double)(nthreads * nfiles) / t,
	    (double)(nthreads * nfiles) * (double)size / 1048576.0 / t);
	free(th);
	free(buf);
	return 0;
}
