/*
 * lint/rrtypes.c - zonelint's table of record types (rrtypes.h).
 *
 * The rows of the types ldns 1.8.3 knows carry its names and field kinds
 * (its rr.c, which follows each type's RFC), so the codec writes their
 * text as it always has; codes ldns reserved without a name (54, 69-98,
 * ...) are named TYPEnnn as it named them.  zonelint's own rows come from
 * RFC 1886 / 2874 (A6), ATM Forum af-dans-0152 (ATMA), RFC 2535 (NXT),
 * draft-eastlake-kitchen-sink (SINK), the IANA registrations of NINFO,
 * RKEY, TA, AVC, DOA, WALLET, HHIT and BRID (DRIP), RFC 8777 (AMTRELAY),
 * RFC 9606 (RESINFO), RFC 9859 (DSYNC).
 */
#include "rrtypes.h"

#include <stddef.h>
#include <strings.h>

#include "rdata.h"

#define R(kind) ZL_RDF_##kind
#define OWN_NAME ZL_RRTYPE_OWN_NAME
/* A code reserved without a mnemonic: one UNKNOWN field. */
#define U(code) { code, "TYPE" #code, NULL, ZL_RRTYPE_UNNAMED, 1, 1, 0, { R(UNKNOWN) } }

/* By code: row i is code i + 1 up to 262, then 32768 and 32769. */
static const zl_rrtype rows[] = {
	{ 1, "A", NULL, 0, 1, 1, 0, { R(A) } },
	{ 2, "NS", NULL, 0, 1, 1, 0, { R(NAME) } },
	{ 3, "MD", NULL, 0, 1, 1, 0, { R(NAME) } },
	{ 4, "MF", NULL, 0, 1, 1, 0, { R(NAME) } },
	{ 5, "CNAME", NULL, 0, 1, 1, 0, { R(NAME) } },
	{ 6, "SOA", NULL, 0, 7, 7, 0,
	  { R(NAME), R(NAME), R(INT32), R(PERIOD), R(PERIOD),
	    R(PERIOD), R(PERIOD) } },
	{ 7, "MB", NULL, 0, 1, 1, 0, { R(NAME) } },
	{ 8, "MG", NULL, 0, 1, 1, 0, { R(NAME) } },
	{ 9, "MR", NULL, 0, 1, 1, 0, { R(NAME) } },
	{ 10, "NULL", NULL, 0, 1, 1, 0, { R(UNKNOWN) } },
	{ 11, "WKS", NULL, 0, 2, 2, 0, { R(A), R(WKS) } },
	{ 12, "PTR", NULL, 0, 1, 1, 0, { R(NAME) } },
	{ 13, "HINFO", NULL, 0, 2, 2, 0, { R(STR), R(STR) } },
	{ 14, "MINFO", NULL, 0, 2, 2, 0, { R(NAME), R(NAME) } },
	{ 15, "MX", NULL, 0, 2, 2, 0, { R(INT16), R(NAME) } },
	{ 16, "TXT", NULL, 0, 1, 0, R(STR), {  } },
	{ 17, "RP", NULL, 0, 2, 2, 0, { R(NAME), R(NAME) } },
	{ 18, "AFSDB", NULL, 0, 2, 2, 0, { R(INT16), R(NAME) } },
	{ 19, "X25", NULL, 0, 1, 1, 0, { R(STR) } },
	{ 20, "ISDN", NULL, 0, 1, 2, 0, { R(STR), R(STR) } },
	{ 21, "RT", NULL, 0, 2, 2, 0, { R(INT16), R(NAME) } },
	{ 22, "NSAP", NULL, 0, 1, 1, 0, { R(NSAP) } },
	{ 23, "NSAP-PTR", NULL, 0, 1, 1, 0, { R(STR) } },
	{ 24, "SIG", NULL, 0, 9, 9, 0,
	  { R(TYPE), R(CODE8), R(INT8), R(INT32), R(TIME),
	    R(TIME), R(INT16), R(NAME), R(B64) } },
	{ 25, "KEY", NULL, 0, 4, 4, 0, { R(INT16), R(INT8), R(INT8), R(B64) } },
	{ 26, "PX", NULL, 0, 3, 3, 0, { R(INT16), R(NAME), R(NAME) } },
	{ 27, "GPOS", NULL, 0, 3, 3, 0, { R(STR), R(STR), R(STR) } },
	{ 28, "AAAA", NULL, 0, 1, 1, 0, { R(AAAA) } },
	{ 29, "LOC", NULL, 0, 1, 1, 0, { R(LOC) } },
	{ 30, "NXT", "*", 0, 2, 2, 0, { R(NAME), R(UNKNOWN) } },
	{ 31, "EID", NULL, 0, 1, 1, 0, { R(HEX) } },
	{ 32, "NIMLOC", NULL, 0, 1, 1, 0, { R(HEX) } },
	{ 33, "SRV", NULL, 0, 4, 4, 0, { R(INT16), R(INT16), R(INT16), R(NAME) } },
	{ 34, "ATMA", "*", 0, 1, 1, 0, { R(ATMA) } },
	{ 35, "NAPTR", NULL, 0, 6, 6, 0,
	  { R(INT16), R(INT16), R(STR), R(STR), R(STR),
	    R(NAME) } },
	{ 36, "KX", NULL, 0, 2, 2, 0, { R(INT16), R(NAME) } },
	{ 37, "CERT", NULL, 0, 4, 4, 0, { R(CERT_ALG), R(INT16), R(CODE8), R(B64) } },
	{ 38, "A6", "*", 0, 1, 1, 0, { R(UNKNOWN) } },
	{ 39, "DNAME", NULL, 0, 1, 1, 0, { R(NAME) } },
	{ 40, "SINK", "111B", 0, 1, 1, 0, { R(INT8) } },
	{ 41, "OPT", NULL, 0, 1, 1, 0, { R(UNKNOWN) } },
	{ 42, "APL", NULL, 0, 0, 0, R(APL), {  } },
	{ 43, "DS", NULL, 0, 4, 4, 0, { R(INT16), R(CODE8), R(INT8), R(HEX) } },
	{ 44, "SSHFP", NULL, 0, 3, 3, 0, { R(INT8), R(INT8), R(HEX) } },
	{ 45, "IPSECKEY", NULL, 0, 1, 1, 0, { R(IPSECKEY) } },
	{ 46, "RRSIG", NULL, 0, 9, 9, 0,
	  { R(TYPE), R(CODE8), R(INT8), R(INT32), R(TIME),
	    R(TIME), R(INT16), R(NAME), R(B64) } },
	{ 47, "NSEC", NULL, 0, 1, 2, 0, { R(NAME), R(NSEC) } },
	{ 48, "DNSKEY", NULL, 0, 4, 4, 0, { R(INT16), R(INT8), R(CODE8), R(B64) } },
	{ 49, "DHCID", NULL, 0, 1, 1, 0, { R(B64) } },
	{ 50, "NSEC3", NULL, 0, 5, 6, 0,
	  { R(INT8), R(INT8), R(INT16), R(NSEC3_SALT), R(B32_EXT),
	    R(NSEC) } },
	{ 51, "NSEC3PARAM", NULL, 0, 4, 4, 0,
	  { R(INT8), R(INT8), R(INT16), R(NSEC3_SALT),
	     } },
	{ 52, "TLSA", NULL, 0, 4, 4, 0, { R(CODE8), R(CODE8), R(CODE8), R(HEX) } },
	{ 53, "SMIMEA", NULL, 0, 4, 4, 0, { R(CODE8), R(CODE8), R(CODE8), R(HEX) } },
	U(54),
	{ 55, "HIP", NULL, 0, 1, 1, R(NAME), { R(HIP) } },
	{ 56, "NINFO", "S", OWN_NAME, 1, 1, 0, { R(UNKNOWN) } },
	{ 57, "RKEY", "211b", OWN_NAME, 1, 1, 0, { R(UNKNOWN) } },
	{ 58, "TALINK", NULL, 0, 2, 2, 0, { R(NAME), R(NAME) } },
	{ 59, "CDS", NULL, 0, 4, 4, 0, { R(INT16), R(CODE8), R(INT8), R(HEX) } },
	{ 60, "CDNSKEY", NULL, 0, 4, 4, 0, { R(INT16), R(INT8), R(CODE8), R(B64) } },
	{ 61, "OPENPGPKEY", NULL, 0, 1, 1, 0, { R(B64) } },
	{ 62, "CSYNC", NULL, 0, 3, 3, 0, { R(INT32), R(INT16), R(NSEC) } },
	{ 63, "ZONEMD", NULL, 0, 4, 4, 0, { R(INT32), R(INT8), R(INT8), R(HEX) } },
	{ 64, "SVCB", NULL, 0, 2, 3, 0, { R(INT16), R(NAME), R(SVCPARAMS) } },
	{ 65, "HTTPS", NULL, 0, 2, 3, 0, { R(INT16), R(NAME), R(SVCPARAMS) } },
	{ 66, "DSYNC", "tN2n", OWN_NAME, 1, 1, 0, { R(UNKNOWN) } },
	{ 67, "HHIT", "b", OWN_NAME, 1, 1, 0, { R(UNKNOWN) } },
	{ 68, "BRID", "b", OWN_NAME, 1, 1, 0, { R(UNKNOWN) } },
	U(69), U(70), U(71), U(72), U(73), U(74), U(75), U(76),
	U(77), U(78), U(79), U(80), U(81), U(82), U(83), U(84),
	U(85), U(86), U(87), U(88), U(89), U(90), U(91), U(92),
	U(93), U(94), U(95), U(96), U(97), U(98),
	{ 99, "SPF", NULL, 0, 1, 0, R(STR), {  } },
	U(100), U(101), U(102), U(103),
	{ 104, "NID", NULL, 0, 2, 2, 0, { R(INT16), R(ILNP64) } },
	{ 105, "L32", NULL, 0, 2, 2, 0, { R(INT16), R(A) } },
	{ 106, "L64", NULL, 0, 2, 2, 0, { R(INT16), R(ILNP64) } },
	{ 107, "LP", NULL, 0, 2, 2, 0, { R(INT16), R(NAME) } },
	{ 108, "EUI48", NULL, 0, 1, 1, 0, { R(EUI48) } },
	{ 109, "EUI64", NULL, 0, 1, 1, 0, { R(EUI64) } },
	U(110), U(111), U(112), U(113), U(114), U(115), U(116), U(117),
	U(118), U(119), U(120), U(121), U(122), U(123), U(124), U(125),
	U(126), U(127), U(128), U(129), U(130), U(131), U(132), U(133),
	U(134), U(135), U(136), U(137), U(138), U(139), U(140), U(141),
	U(142), U(143), U(144), U(145), U(146), U(147), U(148), U(149),
	U(150), U(151), U(152), U(153), U(154), U(155), U(156), U(157),
	U(158), U(159), U(160), U(161), U(162), U(163), U(164), U(165),
	U(166), U(167), U(168), U(169), U(170), U(171), U(172), U(173),
	U(174), U(175), U(176), U(177), U(178), U(179), U(180), U(181),
	U(182), U(183), U(184), U(185), U(186), U(187), U(188), U(189),
	U(190), U(191), U(192), U(193), U(194), U(195), U(196), U(197),
	U(198), U(199), U(200), U(201), U(202), U(203), U(204), U(205),
	U(206), U(207), U(208), U(209), U(210), U(211), U(212), U(213),
	U(214), U(215), U(216), U(217), U(218), U(219), U(220), U(221),
	U(222), U(223), U(224), U(225), U(226), U(227), U(228), U(229),
	U(230), U(231), U(232), U(233), U(234), U(235), U(236), U(237),
	U(238), U(239), U(240), U(241), U(242), U(243), U(244), U(245),
	U(246), U(247), U(248),
	{ 249, "TKEY", NULL, 0, 7, 7, 0,
	  { R(NAME), R(TIME), R(TIME), R(INT16), R(INT16),
	    R(INT16_DATA), R(INT16_DATA) } },
	{ 250, "TSIG", NULL, 0, 7, 7, 0,
	  { R(NAME), R(TSIGTIME), R(INT16), R(INT16_DATA), R(INT16),
	    R(INT16), R(INT16_DATA) } },
	U(251), U(252), U(253), U(254), U(255),
	{ 256, "URI", NULL, 0, 3, 3, 0, { R(INT16), R(INT16), R(LONG_STR) } },
	{ 257, "CAA", NULL, 0, 3, 3, 0, { R(INT8), R(TAG), R(LONG_STR) } },
	{ 258, "AVC", "S", OWN_NAME, 1, 1, 0, { R(UNKNOWN) } },
	{ 259, "DOA", "441sd", OWN_NAME, 1, 1, 0, { R(UNKNOWN) } },
	{ 260, "AMTRELAY", "*", OWN_NAME, 1, 1, 0, { R(UNKNOWN) } },
	{ 261, "RESINFO", "S", OWN_NAME, 1, 1, 0, { R(UNKNOWN) } },
	{ 262, "WALLET", "S", OWN_NAME, 1, 1, 0, { R(UNKNOWN) } },
	{ 32768, "TA", "211h", OWN_NAME, 1, 1, 0, { R(UNKNOWN) } },
	{ 32769, "DLV", NULL, 0, 4, 4, 0, { R(INT16), R(CODE8), R(INT8), R(HEX) } },
};

#define ROWS (sizeof(rows) / sizeof(rows[0]))
#define DENSE 262                 /* codes 1..DENSE are rows 0..DENSE-1 */

/* The types rrextra.c reads. */
static const uint16_t own_read[] = {
	30, 34, 38, 40, 56, 57, 66, 67, 68, 258, 259, 260, 261, 262, 32768,
};

const zl_rrtype *zl_rrtype_describe(uint16_t code)
{
	const zl_rrtype *t = NULL;

	if (code >= 1 && code <= DENSE)
		t = &rows[code - 1];
	else
		for (size_t i = DENSE; i < ROWS && !t; i++)
			if (rows[i].code == code)
				t = &rows[i];
	return t && t->code == code ? t : NULL;
}

uint8_t zl_rrtype_field(const zl_rrtype *t, unsigned i)
{
	if (i < t->max)
		return t->kinds[i];
	return t->repeat;
}

const zl_rrtype *zl_rrtype_by_code(uint16_t code)
{
	const zl_rrtype *t = zl_rrtype_describe(code);

	return t && t->fields ? t : NULL;
}

const zl_rrtype *zl_rrtype_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof(own_read) / sizeof(own_read[0]); i++) {
		const zl_rrtype *t = zl_rrtype_describe(own_read[i]);
		if (strcasecmp(t->name, name) == 0)
			return t;
	}
	return NULL;
}
