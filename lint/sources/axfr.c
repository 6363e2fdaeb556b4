/*
 * lint/sources/axfr.c - see axfr.h.
 *
 * The TCP framing is ours rather than ldns's AXFR client (ldns_axfr_start
 * and ldns_axfr_next): those bound each read by the resolver's timeout but
 * have no deadline for the whole transfer, so a server that trickles a byte
 * now and then could hold a nightly audit forever.  Here every wait (connect,
 * send, each read) is a poll() against one deadline.  ldns still parses
 * every message (ldns_wire2pkt).
 */
#include "sources/axfr.h"

#include <errno.h>
#include <stdarg.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <zonelint/types.h>

#include "names.h"

/* ---- the answer ------------------------------------------------------------ */

zl_status zl_axfr_answer_init(zl_axfr_answer *a, const char *zone, uint16_t id)
{
	uint8_t wire[256];
	size_t len;
	zl_status st = zl_name_parse(zone, wire, &len);

	memset(a, 0, sizeof(*a));
	a->id = id;
	a->status = ZL_AXFR_MORE;
	a->max_records = ZL_AXFR_MAX_RECORDS;
	if (ldns_str2rdf_dname(&a->apex, zone) != LDNS_STATUS_OK) {
		a->apex = NULL;
		return st != ZL_OK ? st : ZL_ENOMEM;
	}
	a->rrs = ldns_rr_list_new();
	if (!a->rrs) {
		zl_axfr_answer_clear(a);
		return ZL_ENOMEM;
	}
	return ZL_OK;
}

void zl_axfr_answer_clear(zl_axfr_answer *a)
{
	ldns_rdf_deep_free(a->apex);
	ldns_rr_list_deep_free(a->rrs);
	a->apex = NULL;
	a->rrs = NULL;
}

ldns_rr_list *zl_axfr_answer_take(zl_axfr_answer *a)
{
	ldns_rr_list *l = a->rrs;

	a->rrs = NULL;
	return l;
}

static zl_axfr_status fail(zl_axfr_answer *a, zl_axfr_status s, const char *fmt, ...)
	ZL_PRINTF(3, 4);

static zl_axfr_status fail(zl_axfr_answer *a, zl_axfr_status s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->detail, sizeof(a->detail), fmt, ap);
	va_end(ap);
	a->status = s;
	return s;
}

static bool is_apex_soa(const zl_axfr_answer *a, const ldns_rr *rr)
{
	return ldns_rr_get_type(rr) == LDNS_RR_TYPE_SOA &&
	       ldns_dname_compare(ldns_rr_owner(rr), a->apex) == 0;
}

static uint32_t soa_serial(const ldns_rr *soa)
{
	const ldns_rdf *serial = ldns_rr_rdf(soa, 2);

	return serial && ldns_rdf_size(serial) == 4 ? ldns_rdf2native_int32(serial) : 0;
}

/* "A www.example." for messages; into buf. */
static const char *rr_label(const ldns_rr *rr, char *buf, size_t size)
{
	char *owner = ldns_rdf2str(ldns_rr_owner(rr));
	char *type = ldns_rr_type2str(ldns_rr_get_type(rr));

	snprintf(buf, size, "%s %s", type ? type : "?", owner ? owner : "?");
	free(owner);
	free(type);
	return buf;
}

/* The header checks of RFC 5936 2.2: an answer (QR) to our query (ID,
 * opcode QUERY), NOERROR, never truncated on TCP. */
static zl_axfr_status check_header(zl_axfr_answer *a, const ldns_pkt *p)
{
	ldns_lookup_table *rc;

	if (ldns_pkt_id(p) != a->id)
		return fail(a, ZL_AXFR_NOT_ANSWER, "message ID %u, the query's %u",
		            (unsigned)ldns_pkt_id(p), (unsigned)a->id);
	if (!ldns_pkt_qr(p))
		return fail(a, ZL_AXFR_NOT_ANSWER, "a query, not a response (QR clear)");
	if (ldns_pkt_get_opcode(p) != LDNS_PACKET_QUERY)
		return fail(a, ZL_AXFR_NOT_ANSWER, "opcode %d, not QUERY",
		            (int)ldns_pkt_get_opcode(p));
	if (ldns_pkt_get_rcode(p) != LDNS_RCODE_NOERROR) {
		rc = ldns_lookup_by_id(ldns_rcodes, ldns_pkt_get_rcode(p));
		return fail(a, ZL_AXFR_RCODE, "%s", rc ? rc->name : "an unknown rcode");
	}
	if (ldns_pkt_tc(p))
		return fail(a, ZL_AXFR_TC, "message %zu", a->messages);
	return ZL_AXFR_MORE;
}

/* RFC 5936 2.2.1: the question, when present, is the query's. */
static zl_axfr_status check_question(zl_axfr_answer *a, const ldns_pkt *p)
{
	const ldns_rr_list *q = ldns_pkt_question(p);
	char buf[300];

	for (size_t i = 0; q && i < ldns_rr_list_rr_count(q); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(q, i);
		if (ldns_rr_get_type(rr) != LDNS_RR_TYPE_AXFR ||
		    ldns_rr_get_class(rr) != LDNS_RR_CLASS_IN ||
		    ldns_dname_compare(ldns_rr_owner(rr), a->apex) != 0)
			return fail(a, ZL_AXFR_QUESTION, "%s", rr_label(rr, buf, sizeof(buf)));
	}
	return ZL_AXFR_MORE;
}

/*
 * RFC 5936 2.2: the first record of the transfer is the zone's SOA and the
 * transfer ends with that SOA again, as the last record of its message.
 * Returns the number of records of `answer` that belong to the zone.
 */
static zl_axfr_status check_records(zl_axfr_answer *a, const ldns_rr_list *answer,
                                    size_t *keep)
{
	size_t n = ldns_rr_list_rr_count(answer), before = ldns_rr_list_rr_count(a->rrs);
	char buf[300];

	*keep = n;
	if (before == 0 && n == 0)
		return fail(a, ZL_AXFR_EMPTY, "message %zu", a->messages);
	for (size_t i = 0; i < n; i++) {
		const ldns_rr *rr = ldns_rr_list_rr(answer, i);
		if (before + i == 0) {
			if (!is_apex_soa(a, rr))
				return fail(a, ZL_AXFR_NO_SOA, "%s", rr_label(rr, buf, sizeof(buf)));
			a->serial = soa_serial(rr);
		} else if (is_apex_soa(a, rr)) {
			if (i + 1 != n)
				return fail(a, ZL_AXFR_AFTER_END, "in message %zu", a->messages);
			if (soa_serial(rr) != a->serial)
				return fail(a, ZL_AXFR_SERIAL, "%u, the opening SOA's %u",
				            (unsigned)soa_serial(rr), (unsigned)a->serial);
			a->done = true;
			*keep = i;
		}
	}
	return ZL_AXFR_MORE;
}

/* Moves the first `keep` records of the message's answer section into the
 * answer's list without copying them: each record ends up in exactly one
 * list, so freeing the packet frees only what was not taken. */
static zl_axfr_status take_records(zl_axfr_answer *a, ldns_rr_list *answer, size_t keep)
{
	size_t n;

	while (ldns_rr_list_rr_count(answer) > keep)
		ldns_rr_free(ldns_rr_list_pop_rr(answer));
	n = ldns_rr_list_rr_count(answer);
	for (size_t i = 0; i < n; i++) {
		if (ldns_rr_list_push_rr(a->rrs, ldns_rr_list_rr(answer, i)))
			continue;
		for (size_t j = i; j < n; j++)     /* the rest stay the packet's */
			ldns_rr_list_set_rr(answer, ldns_rr_list_rr(answer, j), j - i);
		ldns_rr_list_set_rr_count(answer, n - i);
		return fail(a, ZL_AXFR_NOMEM, "%s", "records");
	}
	ldns_rr_list_set_rr_count(answer, 0);
	return a->done ? ZL_AXFR_OK : ZL_AXFR_MORE;
}

static zl_axfr_status feed_packet(zl_axfr_answer *a, ldns_pkt *p)
{
	zl_axfr_status s;
	size_t keep;

	if ((s = check_header(a, p)) != ZL_AXFR_MORE ||
	    (s = check_question(a, p)) != ZL_AXFR_MORE)
		return s;
	if ((s = check_records(a, ldns_pkt_answer(p), &keep)) != ZL_AXFR_MORE)
		return s;
	size_t have = ldns_rr_list_rr_count(a->rrs);
	if (keep > a->max_records || have > a->max_records - keep)
		return fail(a, ZL_AXFR_TOO_MANY, "%zu", a->max_records);
	return a->status = take_records(a, ldns_pkt_answer(p), keep);
}

zl_axfr_status zl_axfr_answer_feed(zl_axfr_answer *a, const uint8_t *msg, size_t len)
{
	ldns_pkt *p = NULL;
	ldns_status st;
	zl_axfr_status s;

	if (a->status != ZL_AXFR_MORE)
		return a->status;
	a->messages++;
	a->bytes += len;
	if (a->bytes > ZL_AXFR_MAX_BYTES)
		return fail(a, ZL_AXFR_TOO_BIG, "%zu MiB", ZL_AXFR_MAX_BYTES >> 20);
	st = ldns_wire2pkt(&p, msg, len);
	if (st != LDNS_STATUS_OK)
		return fail(a, ZL_AXFR_MALFORMED, "message %zu: %s", a->messages,
		            ldns_get_errorstr_by_id(st));
	s = feed_packet(a, p);
	ldns_pkt_free(p);
	return s;
}

/* Bytes after the closing SOA are not read, as on the network, where the
 * connection is closed once the answer is complete. */
zl_axfr_status zl_axfr_parse_stream(zl_axfr_answer *a, const uint8_t *bytes, size_t len)
{
	size_t off = 0;

	while (a->status == ZL_AXFR_MORE) {
		if (off == len)
			return fail(a, ZL_AXFR_CLOSED, "after %zu records",
			            ldns_rr_list_rr_count(a->rrs));
		if (len - off < 2)
			return fail(a, ZL_AXFR_CLOSED_INSIDE, "%s", "a cut length prefix");
		size_t n = (size_t)bytes[off] << 8 | bytes[off + 1];
		if (n == 0)
			return fail(a, ZL_AXFR_MALFORMED, "message %zu: %s", a->messages + 1,
			            "a zero length");
		if (len - off - 2 < n)
			return fail(a, ZL_AXFR_CLOSED_INSIDE, "%zu of %zu bytes of message %zu",
			            len - off - 2, n, a->messages + 1);
		zl_axfr_answer_feed(a, bytes + off + 2, n);
		off += 2 + n;
	}
	return a->status;
}

/* ---- endpoints ------------------------------------------------------------- */

static bool parse_port(const char *p, uint16_t *out)
{
	unsigned long v;
	char *end;

	if (*p < '0' || *p > '9')
		return false;
	errno = 0;
	v = strtoul(p, &end, 10);
	if (*end || errno || v < 1 || v > 65535)
		return false;
	*out = (uint16_t)v;
	return true;
}

static bool copy_host(zl_axfr_endpoint *e, const char *h, size_t len)
{
	if (len == 0 || len >= sizeof(e->host))
		return false;
	memcpy(e->host, h, len);
	e->host[len] = '\0';
	return true;
}

bool zl_axfr_endpoint_parse(const char *text, zl_axfr_endpoint *out)
{
	const char *colon = strchr(text, ':');

	out->port = 53;
	if (text[0] == '[') {
		const char *close = strchr(text, ']');
		if (!close || !copy_host(out, text + 1, (size_t)(close - text - 1)))
			return false;
		return !close[1] || (close[1] == ':' && parse_port(close + 2, &out->port));
	}
	if (colon && strchr(colon + 1, ':'))       /* a bare IPv6 address */
		return copy_host(out, text, strlen(text));
	if (!colon)
		return copy_host(out, text, strlen(text));
	return copy_host(out, text, (size_t)(colon - text)) &&
	       parse_port(colon + 1, &out->port);
}

char *zl_axfr_endpoint_format(const zl_axfr_endpoint *e, char *buf, size_t size)
{
	if (strchr(e->host, ':'))
		snprintf(buf, size, "[%s]:%u", e->host, (unsigned)e->port);
	else
		snprintf(buf, size, "%s:%u", e->host, (unsigned)e->port);
	return buf;
}

/* ---- the network ----------------------------------------------------------- */

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* 1 when fd is ready for `events`, 0 at the deadline, -1 on error. */
static int wait_fd(int fd, short events, int64_t deadline)
{
	struct pollfd p = { .fd = fd, .events = events };

	for (;;) {
		int64_t left = deadline - now_ms();
		if (left <= 0)
			return 0;
		int rc = poll(&p, 1, left > 60000 ? 60000 : (int)left);
		if (rc > 0)
			return 1;
		if (rc < 0 && errno != EINTR)
			return -1;
	}
}

/* One transfer in progress. */
typedef struct xfer {
	int fd;
	int64_t deadline;
	unsigned timeout_s;
	zl_axfr_answer answer;
	zl_axfr_result *out;
} xfer;

static void set_failure(xfer *x, zl_axfr_status s, int err, const char *fmt, ...)
	ZL_PRINTF(4, 5);

static void set_failure(xfer *x, zl_axfr_status s, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(x->out->detail, sizeof(x->out->detail), fmt, ap);
	va_end(ap);
	x->out->status = s;
	x->out->err = err;
}

/* errno as lower-case text ("connection refused"), thread-safe. */
static const char *errno_text(int err, char *buf, size_t size)
{
	if (strerror_r(err, buf, size) != 0)
		snprintf(buf, size, "error %d", err);
	if (buf[0] >= 'A' && buf[0] <= 'Z')
		buf[0] = (char)(buf[0] - 'A' + 'a');
	return buf;
}

static void set_errno_failure(xfer *x, zl_axfr_status s, int err)
{
	char buf[80];

	set_failure(x, s, err, "%s", errno_text(err, buf, sizeof(buf)));
}

static void set_timeout(xfer *x, zl_axfr_status s)
{
	set_failure(x, s, 0, "%u s (%zu records received)", x->timeout_s,
	            ldns_rr_list_rr_count(x->answer.rrs));
}

/* Connects to one address before the deadline; false with x->out set. */
static bool connect_to(xfer *x, const struct addrinfo *ai)
{
	int err = 0;
	socklen_t len = sizeof(err);

	x->fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
	               ai->ai_protocol);
	if (x->fd < 0) {
		set_errno_failure(x, ZL_AXFR_CONNECT, errno);
		return false;
	}
	if (connect(x->fd, ai->ai_addr, ai->ai_addrlen) == 0)
		return true;
	if (errno != EINPROGRESS) {
		set_errno_failure(x, ZL_AXFR_CONNECT, errno);
	} else {
		int rc = wait_fd(x->fd, POLLOUT, x->deadline);
		if (rc == 0)
			set_failure(x, ZL_AXFR_CONNECT_TIMEOUT, 0, "%u s", x->timeout_s);
		else if (rc < 0 || getsockopt(x->fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
			set_errno_failure(x, ZL_AXFR_CONNECT, errno);
		else if (err != 0)
			set_errno_failure(x, ZL_AXFR_CONNECT, err);
		else
			return true;
	}
	close(x->fd);
	x->fd = -1;
	return false;
}

/* Tries each address of the endpoint in turn, within the one deadline. */
static bool connect_endpoint(xfer *x, const zl_axfr_endpoint *e)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV };
	struct addrinfo *list = NULL;
	char port[8];
	int rc;

	snprintf(port, sizeof(port), "%u", (unsigned)e->port);
	rc = getaddrinfo(e->host, port, &hints, &list);
	if (rc != 0) {
		set_failure(x, ZL_AXFR_RESOLVE, 0, "%s: %s", e->host,
		            rc == EAI_SYSTEM ? "system error" : gai_strerror(rc));
		return false;
	}
	x->deadline = now_ms() + (int64_t)x->timeout_s * 1000;
	bool ok = false;
	for (const struct addrinfo *ai = list; ai && !ok; ai = ai->ai_next)
		ok = connect_to(x, ai);
	freeaddrinfo(list);
	return ok;
}

/* After a send or recv that moved nothing: waits until the socket is
 * ready again (0), or sets the timeout or the error (-1). */
static int wait_again(xfer *x, short events)
{
	int rc = errno == EAGAIN || errno == EINTR ? wait_fd(x->fd, events, x->deadline)
	                                           : -1;

	if (rc > 0)
		return 0;
	if (rc == 0)
		set_timeout(x, ZL_AXFR_TIMEOUT);
	else
		set_errno_failure(x, ZL_AXFR_IO, errno);
	return -1;
}

/* 0 when all of buf went out, else the failure is set. */
static int send_all(xfer *x, const uint8_t *buf, size_t len)
{
	while (len) {
		ssize_t n = send(x->fd, buf, len, MSG_NOSIGNAL);
		if (n > 0) {
			buf += n;
			len -= (size_t)n;
		} else if (wait_again(x, POLLOUT) != 0) {
			return -1;
		}
	}
	return 0;
}

/* Reads exactly len bytes; *got says how many came when it fails.
 * 0 on success, else the failure is set (CLOSED when nothing came).  The
 * clock is read before every recv, not only when one would block: a
 * server that keeps the socket full (an endless stream, empty messages)
 * never makes recv wait, and must still meet the deadline. */
static int recv_exact(xfer *x, uint8_t *buf, size_t len, size_t *got)
{
	for (*got = 0; *got < len;) {
		if (now_ms() >= x->deadline) {
			set_timeout(x, ZL_AXFR_TIMEOUT);
			return -1;
		}
		ssize_t n = recv(x->fd, buf + *got, len - *got, 0);
		if (n > 0) {
			*got += (size_t)n;
			continue;
		}
		if (n == 0) {
			set_failure(x, ZL_AXFR_CLOSED, 0, "after %zu records",
			            ldns_rr_list_rr_count(x->answer.rrs));
			return -1;
		}
		if (wait_again(x, POLLIN) != 0)
			return -1;
	}
	return 0;
}

/* The AXFR query (RFC 5936 2.1) behind its TCP length prefix. */
static int send_query(xfer *x)
{
	ldns_pkt *q = ldns_pkt_query_new(ldns_rdf_clone(x->answer.apex),
	                                 LDNS_RR_TYPE_AXFR, LDNS_RR_CLASS_IN, 0);
	uint8_t *wire = NULL, *framed;
	size_t size = 0;
	int rc = -1;

	if (q) {
		ldns_pkt_set_id(q, x->answer.id);
		if (ldns_pkt2wire(&wire, q, &size) == LDNS_STATUS_OK && size <= 65535 &&
		    (framed = malloc(size + 2))) {
			framed[0] = (uint8_t)(size >> 8);
			framed[1] = (uint8_t)size;
			memcpy(framed + 2, wire, size);
			rc = send_all(x, framed, size + 2);
			free(framed);
		} else {
			set_failure(x, ZL_AXFR_NOMEM, 0, "%s", "the query");
		}
		free(wire);
		ldns_pkt_free(q);
	} else {
		set_failure(x, ZL_AXFR_NOMEM, 0, "%s", "the query");
	}
	return rc;
}

/* Reads messages until the answer ends or fails; buf holds one message. */
static void receive_answer(xfer *x, uint8_t *buf)
{
	size_t got, len;

	while (x->answer.status == ZL_AXFR_MORE) {
		if (recv_exact(x, buf, 2, &got) != 0) {
			if (got == 1 && x->out->status == ZL_AXFR_CLOSED)
				set_failure(x, ZL_AXFR_CLOSED_INSIDE, 0, "%s", "a cut length prefix");
			return;
		}
		len = (size_t)buf[0] << 8 | buf[1];
		if (len == 0) {
			set_failure(x, ZL_AXFR_MALFORMED, 0, "message %zu: a zero length",
			            x->answer.messages + 1);
			return;
		}
		if (recv_exact(x, buf, len, &got) != 0) {
			if (x->out->status == ZL_AXFR_CLOSED)
				set_failure(x, ZL_AXFR_CLOSED_INSIDE, 0,
				            "%zu of %zu bytes of message %zu", got, len,
				            x->answer.messages + 1);
			return;
		}
		zl_axfr_answer_feed(&x->answer, buf, len);
	}
	x->out->status = x->answer.status;
	memcpy(x->out->detail, x->answer.detail, sizeof(x->out->detail));
}

static uint16_t query_id(void)
{
	uint16_t id;

	/* RFC 5452 9.2: unpredictable IDs; a clock-based one is still fine for a
	 * TCP connection of our own. */
	if (getrandom(&id, sizeof(id), GRND_NONBLOCK) != (ssize_t)sizeof(id))
		id = (uint16_t)(now_ms() ^ (int64_t)getpid());
	return id;
}

void zl_axfr_fetch(const zl_axfr_endpoint *e, const char *zone, unsigned timeout_s,
                   size_t max_records, zl_axfr_result *out)
{
	xfer x = { .fd = -1, .timeout_s = timeout_s, .out = out };
	uint8_t *buf = malloc(65536);

	memset(out, 0, sizeof(*out));
	if (!buf || zl_axfr_answer_init(&x.answer, zone, query_id()) != 0) {
		free(buf);
		set_failure(&x, ZL_AXFR_NOMEM, 0, "%s", zone);
		return;
	}
	if (max_records)
		x.answer.max_records = max_records;
	if (connect_endpoint(&x, e) && send_query(&x) == 0)
		receive_answer(&x, buf);
	if (x.fd >= 0)
		close(x.fd);
	out->records = ldns_rr_list_rr_count(x.answer.rrs);
	if (out->status == ZL_AXFR_OK)
		out->rrs = zl_axfr_answer_take(&x.answer);
	zl_axfr_answer_clear(&x.answer);
	free(buf);
}

/* ---- messages ---------------------------------------------------------------- */

/* One phrase per status; %s is the result's detail. */
static const char *const status_text[] = {
	[ZL_AXFR_OK] = "transferred",
	[ZL_AXFR_MORE] = "the transfer did not end",
	[ZL_AXFR_NOMEM] = "out of memory (%s)",
	[ZL_AXFR_ENDPOINT] = "bad dns endpoint '%s'",
	[ZL_AXFR_RESOLVE] = "cannot resolve %s",
	[ZL_AXFR_CONNECT] = "cannot connect: %s",
	[ZL_AXFR_CONNECT_TIMEOUT] = "no connection within %s",
	[ZL_AXFR_TIMEOUT] = "no complete answer within %s",
	[ZL_AXFR_IO] = "connection error: %s",
	[ZL_AXFR_CLOSED] = "the server closed the connection before the closing SOA (%s)",
	[ZL_AXFR_CLOSED_INSIDE] = "the server closed the connection inside a message (%s)",
	[ZL_AXFR_MALFORMED] = "malformed answer: %s",
	[ZL_AXFR_NOT_ANSWER] = "not an answer to the query: %s",
	[ZL_AXFR_TC] = "truncated message (TC bit set, which TCP never needs; %s)",
	[ZL_AXFR_RCODE] = "the server answered %s",
	[ZL_AXFR_QUESTION] = "the answer is for %s, not for this zone",
	[ZL_AXFR_EMPTY] = "the answer holds no records (%s)",
	[ZL_AXFR_NO_SOA] = "the transfer does not start with the zone's SOA but with %s",
	[ZL_AXFR_AFTER_END] = "data after the closing SOA (%s)",
	[ZL_AXFR_SERIAL] = "the closing SOA has serial %s: the zone changed during "
	                   "the transfer",
	[ZL_AXFR_TOO_BIG] = "the transfer is larger than %s",
	[ZL_AXFR_TOO_MANY] = "the transfer holds more than %s records (--max-records "
	                     "bounds what each transfer may hold)",
};

char *zl_axfr_describe(const zl_axfr_result *r, char *buf, size_t size)
{
	const char *fmt = "unknown failure %s";
	size_t n;

	if ((size_t)r->status < sizeof(status_text) / sizeof(status_text[0]))
		fmt = status_text[r->status];
	n = (size_t)snprintf(buf, size, fmt, r->detail);
	if (r->status != ZL_AXFR_RCODE || n >= size)
		return buf;
	/* What servers answer when transfers to the asking host are not
	 * allowed: REFUSED (Windows DNS Server, nsd).  NOTAUTH is the server
	 * saying it is not authoritative for the zone (RFC 2136 2.2; BIND and
	 * Knot answer so for a zone they do not load): a query without TSIG
	 * cannot fail authorisation (RFC 8945 5.3). */
	if (!strcmp(r->detail, "REFUSED"))
		snprintf(buf + n, size - n, " (zone transfers to this host are not "
		         "allowed on that server)");
	else if (!strcmp(r->detail, "NOTAUTH"))
		snprintf(buf + n, size - n, " (that server is not authoritative for the "
		         "zone: it does not host it)");
	return buf;
}
