/*
 * upload_sink - bench/deadline's transport ceiling: a libmicrohttpd
 * server set up as `selter serve` is (internal thread pool of THREADS,
 * epoll, the same connection memory), that reads every request body and
 * throws it away: no form parsing, no hash, no disk, no database.  GETs
 * get a 4 KB page; POSTs a 303, as selter answers a stored upload.  What
 * deadline_client reaches against it is what loopback HTTP on this machine
 * allows at all, with the client on the same CPUs.
 *
 * usage: upload_sink THREADS PORT-FILE    (listens on 127.0.0.1, any port;
 * writes the port to PORT-FILE; stops on SIGTERM or SIGINT)
 */
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "base/banned.h"

static char page[4096];

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *data,
    size_t *size, void **req_cls)
{
	static int seen;
	struct MHD_Response *r;
	enum MHD_Result ret;
	bool post = strcmp(method, "POST") == 0;

	(void)cls, (void)url, (void)version, (void)data;
	if (*req_cls == NULL) {
		*req_cls = &seen;
		return MHD_YES;
	}
	if (*size > 0) {
		*size = 0;		/* the body: read, then dropped */
		return MHD_YES;
	}
	r = MHD_create_response_from_buffer(post ? 0 : sizeof page,
	    post ? (void *)"" : page, MHD_RESPMEM_PERSISTENT);
	if (post)
		MHD_add_response_header(r, "Location", "/pelamar/dokumen");
	ret = MHD_queue_response(c, post ? 303 : 200, r);
	MHD_destroy_response(r);
	return ret;
}

int
main(int argc, char *argv[])
{
	struct MHD_Daemon *d;
	struct sockaddr_in sa;
	const union MHD_DaemonInfo *di;
	sigset_t sigs;
	FILE *f;
	int sig;

	if (argc != 3) {
		fprintf(stderr, "usage: upload_sink THREADS PORT-FILE\n");
		return 2;
	}
	memset(page, 'x', sizeof page);
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_EPOLL | MHD_USE_TURBO, 0, NULL, NULL, on_request, NULL,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)strtoul(argv[1], NULL, 10),
	    MHD_OPTION_CONNECTION_LIMIT, 8192u,
	    MHD_OPTION_CONNECTION_TIMEOUT, 120u,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(32u << 10),
	    MHD_OPTION_LISTEN_BACKLOG_SIZE, 4096u,
	    MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "upload_sink: cannot listen\n");
		return 2;
	}
	di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	if ((f = fopen(argv[2], "w")) == NULL) {
		perror(argv[2]);
		return 2;
	}
	fprintf(f, "%d\n", di != NULL ? di->port : 0);
	fclose(f);
	sigwait(&sigs, &sig);
	MHD_stop_daemon(d);
	return 0;
}
