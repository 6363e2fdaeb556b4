/*
 * tests/live/fake-server - a DNS server over TCP that misbehaves in one
 * chosen way, for the failure cases of tests/live/run.sh that a real
 * server (nsd) cannot be made to show:
 *
 *   fake-server MODE ADDRESS PORT ZONE READYFILE
 *
 *   silent        accepts, reads the query, never answers
 *   nosoa         answers with an A record first instead of the SOA
 *   truncated     announces a message and closes halfway through it
 *   unterminated  sends the SOA and one record, then closes (no closing SOA)
 *   trickle       sends a correct answer one byte every 400 ms, so each
 *                 read succeeds but the whole transfer outlasts the timeout
 *   notauth       answers NOTAUTH and no records, as a server that does
 *                 not host the zone (RFC 2136 2.2)
 *   endless       the SOA, then one A record per message, forever: the
 *                 socket is never empty, so no read ever waits
 *   bomb          the SOA, then messages of 4000 A records (16 bytes each
 *                 on the wire, the owner compressed), forever
 *   empty         the SOA, then messages without records, forever
 *
 * READYFILE is written (with the pid) once the socket listens.  Runs until
 * killed; connections are served one after the other.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <ldns/ldns.h>

static const char *zone;

static void die(const char *what)
{
	perror(what);
	exit(2);
}

static int read_full(int fd, uint8_t *buf, size_t len)
{
	for (size_t got = 0; got < len;) {
		ssize_t n = read(fd, buf + got, len - got);
		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	return 0;
}

/* The query's ID, or -1 when the client sent no complete message. */
static int read_query(int fd)
{
	uint8_t buf[65536];
	size_t len;

	if (read_full(fd, buf, 2) != 0)
		return -1;
	len = (size_t)buf[0] << 8 | buf[1];
	if (len < 12 || read_full(fd, buf, len) != 0)
		return -1;
	return buf[0] << 8 | buf[1];
}

static ldns_rr *rr(const char *fmt, const char *owner)
{
	char text[512];
	ldns_rr *r = NULL;
	ldns_status st;

	snprintf(text, sizeof(text), fmt, owner, owner);
	st = strstr(text, "AXFR") ? ldns_rr_new_question_frm_str(&r, text, NULL, NULL)
	                          : ldns_rr_new_frm_str(&r, text, 3600, NULL, NULL);
	if (st != LDNS_STATUS_OK)
		die("ldns_rr_new_frm_str");
	return r;
}

/* One answer message with `rcode`, holding the records `kinds` names: S =
 * the SOA, A = an address record at the apex; framed with its length. */
static uint8_t *answer(int id, ldns_pkt_rcode rcode, const char *kinds, size_t *size)
{
	ldns_pkt *p = ldns_pkt_new();
	uint8_t *wire = NULL, *framed;
	size_t len = 0;

	ldns_pkt_set_id(p, (uint16_t)id);
	ldns_pkt_set_qr(p, true);
	ldns_pkt_set_aa(p, rcode == LDNS_RCODE_NOERROR);
	ldns_pkt_set_rcode(p, (uint8_t)rcode);
	ldns_pkt_push_rr(p, LDNS_SECTION_QUESTION, rr("%s IN AXFR", zone));
	for (const char *k = kinds; *k; k++)
		ldns_pkt_push_rr(p, LDNS_SECTION_ANSWER,
		                 *k == 'S' ? rr("%s 3600 IN SOA ns.%s h. 7 900 600 86400 3600", zone)
		                           : rr("%s 600 IN A 192.0.2.1", zone));
	if (ldns_pkt2wire(&wire, p, &len) != LDNS_STATUS_OK || !(framed = malloc(len + 2)))
		die("ldns_pkt2wire");
	framed[0] = (uint8_t)(len >> 8);
	framed[1] = (uint8_t)len;
	memcpy(framed + 2, wire, len);
	free(wire);
	ldns_pkt_free(p);
	*size = len + 2;
	return framed;
}

/* The SOA, then the same message again and again until the client
 * goes away (the write fails), many messages per write: the client never
 * finds the socket empty. */
static void stream(int fd, int id, const char *kinds)
{
	size_t size, first_size, copies, batch;
	uint8_t *first = answer(id, LDNS_RCODE_NOERROR, "S", &first_size),
	        *msg = answer(id, LDNS_RCODE_NOERROR, kinds, &size), *buf;

	copies = (1 << 20) / size + 1;
	batch = copies * size;
	if (!(buf = malloc(batch)))
		die("malloc");
	for (size_t i = 0; i < copies; i++)
		memcpy(buf + i * size, msg, size);
	if (write(fd, first, first_size) == (ssize_t)first_size)
		while (write(fd, buf, batch) > 0)
			;
	free(buf);
	free(first);
	free(msg);
}

static void serve(int fd, const char *mode)
{
	int id = read_query(fd);
	size_t size;
	uint8_t *msg;

	if (id < 0 || strcmp(mode, "silent") == 0)
		return;               /* the caller keeps the connection open */
	if (strcmp(mode, "endless") == 0 || strcmp(mode, "bomb") == 0 ||
	    strcmp(mode, "empty") == 0) {
		static char bomb[4001];
		memset(bomb, 'A', 4000);
		stream(fd, id, mode[0] == 'e' && mode[1] == 'n' ? "A" : mode[0] == 'b' ? bomb : "");
		return;
	}
	if (strcmp(mode, "notauth") == 0)
		msg = answer(id, LDNS_RCODE_NOTAUTH, "", &size);
	else
		msg = answer(id, LDNS_RCODE_NOERROR, strcmp(mode, "nosoa") == 0 ? "AS"
		             : strcmp(mode, "unterminated") == 0 ? "SA" : "SAS", &size);
	if (strcmp(mode, "truncated") == 0)
		size = size / 2;
	if (strcmp(mode, "trickle") == 0) {
		struct timespec pause = { 0, 400 * 1000 * 1000 };
		for (size_t i = 0; i < size && write(fd, msg + i, 1) == 1; i++)
			nanosleep(&pause, NULL);
	} else if (write(fd, msg, size) != (ssize_t)size) {
		perror("write");
	}
	free(msg);
}

static int listen_on(const char *address, const char *port)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);

	sa.sin_port = htons((uint16_t)atoi(port));
	if (fd < 0 || inet_pton(AF_INET, address, &sa.sin_addr) != 1)
		die("socket");
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(fd, 16) != 0)
		die("bind");
	return fd;
}

int main(int argc, char **argv)
{
	FILE *ready;
	int lfd;

	if (argc != 6) {
		fputs("usage: fake-server silent|nosoa|truncated|unterminated|trickle|"
		      "endless|bomb|empty ADDRESS PORT ZONE READYFILE\n", stderr);
		return 2;
	}
	zone = argv[4];
	signal(SIGPIPE, SIG_IGN);     /* a client that gave up is no reason to stop */
	lfd = listen_on(argv[2], argv[3]);
	if (!(ready = fopen(argv[5], "w")) || fprintf(ready, "%d\n", (int)getpid()) < 0 ||
	    fclose(ready) != 0)
		die(argv[5]);
	for (;;) {
		int fd = accept(lfd, NULL, NULL);
		if (fd < 0)
			continue;
		serve(fd, argv[1]);
		if (strcmp(argv[1], "silent") != 0)
			close(fd);    /* silent: left open, so the client waits */
	}
}
