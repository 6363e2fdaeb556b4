/*
 * lint/sources/axfr.h - one zone transfer (AXFR, RFC 5936) over TCP
 * (private).  Knows nothing of the model: lint/sources/live.c runs many of
 * these at once and turns their records into views.
 *
 * Two layers:
 *
 *  - The answer: zl_axfr_answer checks and collects the DNS messages a
 *    server sent, one message at a time (zl_axfr_answer_feed) or a whole
 *    TCP byte stream with its 2-byte length prefixes (zl_axfr_parse_stream).
 *    Pure computation on bytes, no I/O: this is the entry point for fuzzing.
 *    A libFuzzer target needs only:
 *
 *        int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
 *        {
 *            zl_axfr_answer a;
 *            if (zl_axfr_answer_init(&a, "example.", 0x2a2a) == 0) {
 *                zl_axfr_parse_stream(&a, data, size);
 *                zl_axfr_answer_clear(&a);
 *            }
 *            return 0;
 *        }
 *
 *  - The fetch: zl_axfr_fetch connects to an endpoint, sends the query and
 *    feeds what comes back into an answer, with one deadline for the whole
 *    transfer (connect, send and every read).  Safe to call from several
 *    threads at once: it touches nothing shared.
 */
#ifndef ZL_AXFR_H
#define ZL_AXFR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ldns/ldns.h>

#include "status.h"

/* Why a transfer failed; ZL_AXFR_OK when it did not.  Texts in axfr.c. */
typedef enum zl_axfr_status {
	ZL_AXFR_OK = 0,
	ZL_AXFR_MORE,            /* feed: the closing SOA has not come yet */
	ZL_AXFR_NOMEM,
	ZL_AXFR_ENDPOINT,        /* the endpoint text does not name a host:port */
	ZL_AXFR_RESOLVE,         /* the host name does not resolve */
	ZL_AXFR_CONNECT,         /* connect failed (errno in `err`) */
	ZL_AXFR_CONNECT_TIMEOUT, /* no connection before the deadline */
	ZL_AXFR_TIMEOUT,         /* connected, but the answer did not end in time */
	ZL_AXFR_IO,              /* send or receive failed (errno in `err`) */
	ZL_AXFR_CLOSED,          /* connection closed before the closing SOA */
	ZL_AXFR_CLOSED_INSIDE,   /* connection closed inside a message */
	ZL_AXFR_MALFORMED,       /* a message that does not parse */
	ZL_AXFR_NOT_ANSWER,      /* not an answer to our query (id, QR, opcode) */
	ZL_AXFR_TC,              /* TC set: meaningless on TCP (RFC 5936 2.2.1) */
	ZL_AXFR_RCODE,           /* an rcode other than NOERROR */
	ZL_AXFR_QUESTION,        /* a question other than ours */
	ZL_AXFR_EMPTY,           /* a first message without records */
	ZL_AXFR_NO_SOA,          /* the first record is not the zone's SOA */
	ZL_AXFR_AFTER_END,       /* records after the closing SOA */
	ZL_AXFR_SERIAL,          /* the closing SOA's serial differs */
	ZL_AXFR_TOO_BIG,         /* over ZL_AXFR_MAX_BYTES */
	ZL_AXFR_TOO_MANY,        /* over the answer's max_records */
} zl_axfr_status;

/* A hostile or broken server could stream forever within the deadline on
 * a fast link; no Active Directory zone comes near this. */
#define ZL_AXFR_MAX_BYTES ((size_t)512 * 1024 * 1024)
/* Records one answer may hold unless told otherwise: name compression
 * makes a record 16 bytes on the wire but some 200 in memory, so the byte
 * bound alone let one transfer grow to gigabytes. */
#define ZL_AXFR_MAX_RECORDS ((size_t)4000000)

typedef struct zl_axfr_answer {
	ldns_rdf *apex;          /* the zone asked for; owned */
	uint16_t id;             /* the query's message ID */
	ldns_rr_list *rrs;       /* records so far, opening SOA first, the
	                          * closing SOA not included; owned */
	uint32_t serial;         /* of the opening SOA */
	size_t messages;         /* messages fed so far */
	size_t bytes;            /* message bytes fed so far */
	size_t max_records;      /* more is ZL_AXFR_TOO_MANY (init: ZL_AXFR_MAX_RECORDS) */
	bool done;               /* the closing SOA was seen */
	zl_axfr_status status;   /* first failure, or OK / MORE */
	char detail[96];         /* what exactly: "REFUSED", an ldns error, ... */
} zl_axfr_answer;

/* Starts an answer for zone `zone` (presentation text) and query `id`;
 * ZL_ENAME_* when the name does not parse, ZL_ENOMEM when memory runs out. */
zl_status zl_axfr_answer_init(zl_axfr_answer *a, const char *zone, uint16_t id);
/* Frees what the answer holds (the records too, unless taken). */
void zl_axfr_answer_clear(zl_axfr_answer *a);
/* Hands the records over to the caller (who frees them with
 * ldns_rr_list_deep_free); the answer keeps none. */
ldns_rr_list *zl_axfr_answer_take(zl_axfr_answer *a);

/*
 * One DNS message of the answer, without its TCP length prefix.  Returns
 * ZL_AXFR_MORE while the closing SOA has not come, ZL_AXFR_OK once it has,
 * else the failure; after a failure or the end, further calls change
 * nothing and return the same status.
 */
zl_axfr_status zl_axfr_answer_feed(zl_axfr_answer *a, const uint8_t *msg, size_t len);

/*
 * The bytes a server sent on the TCP connection, as they came: messages
 * each behind a 2-byte length (RFC 1035 4.2.2).  Returns the answer's
 * status; the end of the bytes before the closing SOA is ZL_AXFR_CLOSED
 * (or ZL_AXFR_CLOSED_INSIDE when it cuts a message).
 */
zl_axfr_status zl_axfr_parse_stream(zl_axfr_answer *a, const uint8_t *bytes,
                                    size_t len);

/* ---- the network ---------------------------------------------------------- */

/* Where a server answers: host (name, IPv4 or IPv6 text) and port. */
typedef struct zl_axfr_endpoint {
	char host[256];
	uint16_t port;
} zl_axfr_endpoint;

/*
 * Parses an inventory `dns` value: "host:port", "[v6]:port", "[v6]", a
 * bare IPv6 address or a host alone (port 53).  false on bad text.
 */
bool zl_axfr_endpoint_parse(const char *text, zl_axfr_endpoint *out);
/* "host:port", IPv6 hosts in brackets, into buf; returns buf. */
char *zl_axfr_endpoint_format(const zl_axfr_endpoint *e, char *buf, size_t size);

typedef struct zl_axfr_result {
	zl_axfr_status status;
	int err;                 /* errno for CONNECT and IO, else 0 */
	char detail[96];         /* as zl_axfr_answer.detail */
	size_t records;          /* received before the end or the failure */
	ldns_rr_list *rrs;       /* OK: the zone's records, the SOA first;
	                          * the caller's (ldns_rr_list_deep_free) */
} zl_axfr_result;

/*
 * Transfers `zone` from `e`, giving up `timeout_s` seconds after the start
 * (name resolution excepted: a host name is resolved first, by the system
 * resolver, which has its own timeouts) whatever the server sends, and
 * after `max_records` records (0: ZL_AXFR_MAX_RECORDS).  Fills *out in
 * every case.
 */
void zl_axfr_fetch(const zl_axfr_endpoint *e, const char *zone, unsigned timeout_s,
                   size_t max_records, zl_axfr_result *out);

/*
 * The failure as a lower-case phrase naming what went wrong ("the server
 * answered REFUSED: ..."), into buf; returns buf.
 */
char *zl_axfr_describe(const zl_axfr_result *r, char *buf, size_t size);

#endif
