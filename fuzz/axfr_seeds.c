/*
 * Writes seed inputs for fuzz_axfr: well-formed zone transfers of zone
 * "example." to query id 0x2a2a, as TCP byte streams (each message behind
 * its 2-byte length, RFC 1035 4.2.2), so that the fuzzer starts from
 * answers the parser accepts.  Usage: axfr-seeds OUTDIR
 */
#include <ldns/ldns.h>
#include <stdio.h>

static const char *const records[] = {
	"example. 3600 IN SOA ns1.example. hostmaster.example. 7 900 600 86400 3600",
	"example. 3600 IN NS ns1.example.",
	"example. 3600 IN NS dc1.corp.",
	"ns1.example. 600 IN A 10.0.0.1",
	"dc1.example. 600 IN AAAA fd00::1",
	"www.example. 600 IN CNAME ns1.example.",
	"example. 600 IN MX 10 ns1.example.",
	"_ldap._tcp.example. 600 IN SRV 0 100 389 ns1.example.",
	"example. 600 IN TXT \"v=spf1 -all\" \"x\"",
	"sub.example. 600 IN NS ns.sub.example.",
	"ns.sub.example. 600 IN A 10.0.1.1",
	"1.0.0.10.in-addr.arpa.example. 600 IN PTR ns1.example.",
	"old.example. 600 IN HINFO \"PC\" \"Windows\"",
	NULL,
};

/* One answer message holding records [from, to) of the list. */
static ldns_pkt *message(ldns_rr_list *rrs, size_t from, size_t to)
{
	ldns_pkt *p = ldns_pkt_new();
	ldns_rr *q = NULL;

	ldns_pkt_set_id(p, 0x2a2a);
	ldns_pkt_set_qr(p, true);
	ldns_pkt_set_aa(p, true);
	ldns_rr_new_question_frm_str(&q, "example. IN AXFR", NULL, NULL);
	ldns_pkt_push_rr(p, LDNS_SECTION_QUESTION, q);
	for (size_t i = from; i < to; i++)
		ldns_pkt_push_rr(p, LDNS_SECTION_ANSWER, ldns_rr_clone(ldns_rr_list_rr(rrs, i)));
	return p;
}

static void put(FILE *f, ldns_pkt *p)
{
	uint8_t *wire = NULL;
	size_t len = 0;

	if (ldns_pkt2wire(&wire, p, &len) == LDNS_STATUS_OK) {
		fputc((int)(len >> 8), f);
		fputc((int)(len & 0xff), f);
		fwrite(wire, 1, len, f);
	}
	free(wire);
	ldns_pkt_free(p);
}

/* The transfer split into `parts` messages. */
static int write_seed(const char *dir, ldns_rr_list *rrs, size_t parts)
{
	char path[4096];
	size_t n = ldns_rr_list_rr_count(rrs), step = (n + parts - 1) / parts;

	snprintf(path, sizeof(path), "%s/transfer-%zu.bin", dir, parts);
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	for (size_t from = 0; from < n; from += step)
		put(f, message(rrs, from, from + step < n ? from + step : n));
	return fclose(f);
}

int main(int argc, char **argv)
{
	ldns_rr_list *rrs = ldns_rr_list_new();
	ldns_rr *rr;

	if (argc != 2) {
		fprintf(stderr, "usage: axfr-seeds OUTDIR\n");
		return 2;
	}
	for (size_t i = 0; records[i]; i++) {
		if (ldns_rr_new_frm_str(&rr, records[i], 0, NULL, NULL) != LDNS_STATUS_OK) {
			fprintf(stderr, "axfr-seeds: bad record %s\n", records[i]);
			return 1;
		}
		ldns_rr_list_push_rr(rrs, rr);
	}
	ldns_rr_list_push_rr(rrs, ldns_rr_clone(ldns_rr_list_rr(rrs, 0)));  /* closing SOA */
	int rc = write_seed(argv[1], rrs, 1) | write_seed(argv[1], rrs, 3);
	ldns_rr_list_deep_free(rrs);
	return rc ? 1 : 0;
}
