/*
 * lint/sources/ldap.c - see ldap.h.
 *
 * Where each piece of the model comes from ([MS-ADTS] 6.1.1.2, "Sites"):
 *   forest, domains   CN=Partitions,<config>: crossRef objects of domains
 *                     (systemFlags bit FLAG_CR_NTDS_DOMAIN, 0x2), dnsRoot
 *   servers           CN=Sites,<config>: `server` objects, dNSHostName; the
 *                     site is the RDN two levels up (CN=Servers,CN=<site>)
 *   dsa_guid, gc      their `nTDSDSA` child: objectGUID, options bit
 *                     NTDSDSA_OPT_IS_GC (0x1, [MS-ADTS] 6.1.1.2.2.1.2.1.1);
 *   rodc              an nTDSDSARO, the read-only DC's class ([MS-ADTS] 6.1.1.2.2.1.2.1.2)
 *   domain guid, pdc  each domain object (nCName), read from a queried DC
 *                     of that domain: objectGUID, and fSMORoleOwner, the
 *                     nTDSDSA of the PDC emulator ([MS-ADTS] 3.1.1.1.11)
 *   dns role          msDS-hasMasterNCs of the nTDSDSA: a DC that holds a
 *                     DomainDnsZones or ForestDnsZones replica runs DNS;
 *                     without that attribute, assumed (the default roles)
 *   replicates_from   `nTDSConnection` children of the nTDSDSA: fromServer
 *                     names the source's nTDSDSA (disabled ones skipped)
 *   networks          CN=Subnets,CN=Sites,<config>: `subnet` cn and siteObject
 *   zones, records    per DC: its namingContexts; `dnsZone` objects under
 *                     CN=MicrosoftDNS in DomainDnsZones (ad-domain),
 *                     ForestDnsZones (ad-forest) and CN=System of the
 *                     domain partition (ad-legacy); their `dnsNode`s
 *                     ([MS-DNSP] 2.3.2.1), tombstoned ones skipped
 * Searches are paged (RFC 2696): Windows returns at most MaxPageSize
 * (1000) entries to a search that is not.
 */
#include "sources/ldap.h"

#include <arpa/inet.h>
#include <ldap.h>
#include <netinet/in.h>
#include <errno.h>
#include <pthread.h>
#include <sasl/sasl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

#include "sources/adprops.h"
#include "sources/dnsrecord.h"
#include "sources/inventory.h"
#include "sources/load.h"
#include "sources/rr_convert.h"
#include "settings.h"
#include "vec.h"

enum {
	PAGE_SIZE = 500,
	NTDSDSA_OPT_IS_GC = 0x1,
	FLAG_CR_NTDS_DOMAIN = 0x2,
	MESSAGE_MAX = 1024,
	TEXT_MAX = 2048,
};

/* A DC as the configuration partition describes it. */
typedef struct dir_server {
	const char *dn;               /* the `server` object */
	const char *ntds;             /* its nTDSDSA, NULL: not a DC */
	const zl_name *name;          /* dNSHostName */
	const char *site;
	const char *guid;             /* lower case, NULL when unknown */
	unsigned roles;
	zl_location where;            /* ldap://HOST/<server DN> */
	VEC(const char *) from;       /* fromServer: sources' nTDSDSA DNs */
} dir_server;

typedef struct dir_subnet {
	zl_prefix net;
	const char *site;
} dir_subnet;

/* What a zone object says of the zone's settings (see read_settings). */
typedef struct zone_extra {
	zl_zone_props props;
	bool has_sd;              /* nTSecurityDescriptor read and decoded */
	bool no_dacl;
	zl_trustees trustees;     /* who may create records */
	zl_location where;        /* ldap://HOST/<zone DN> */
} zone_extra;

/* A zone one DC holds. */
typedef struct dir_zone {
	const zl_name *name;
	zl_storage storage;
	const char *dn;
	uint32_t no_refresh_hours, refresh_hours;   /* 0: the default */
	zone_extra *x;            /* owned; NULL on OOM */
} dir_zone;

/* One dnsZone object, conflicts and leftovers included (zone-conflict). */
typedef struct dir_object {
	const zl_name *name;      /* the zone it is a copy of */
	zl_location where;
} dir_object;

/* One --ldap URI: the connection and what it told. */
typedef struct dc {
	const struct dir *d;          /* for the opening thread: options only */
	const char *uri;
	const char *host;             /* the URI's host, for locations */
	bool tls;                     /* ldaps://: TLS from the start */
	LDAP *ld;                     /* NULL: unusable (reported) */
	const char *service;          /* dsServiceName: its nTDSDSA DN */
	const char *config_nc, *default_nc, *root_nc;
	VEC(const char *) ncs;        /* namingContexts */
	zl_addr peer;                 /* the address the URI reached */
	bool has_peer;
	dir_server *server;           /* NULL when not found */
	VEC(dir_zone) zones;
	/* opening the connection (see dc_open): the socket, for the watchdog */
	ldap_conncb cb;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool sync_ready;              /* lock and cond initialised */
	int fd;                       /* -1 when not connected */
	bool opened;                  /* the opening thread is done */
	int rc;                       /* its result */
	const char *step;             /* what it was doing */
	bool ldapi;
} dc;

typedef struct dir {
	zl_model *m;
	const zl_ldap_options *o;
	dc *dcs;
	dc *config;                   /* the DC the configuration came from */
	VEC(dir_server) servers;
	VEC(dir_subnet) subnets;
	const zl_name *forest;
	zl_location forest_where;
	VEC(const zl_name *) domains;
	VEC(const char *) domain_ncs;     /* parallel to domains: nCName */
	VEC(const char *) domain_guids;   /* parallel: objectGUID, NULL unknown */
	zl_dnsrecord *rec;            /* decoding buffer (64 KiB) */
	VEC(dir_object) objects;      /* every dnsZone object read */
	bool zones_read;              /* some DC's zone list was read */
	bool oom;
	bool full;                    /* --max-records reached: no more records */
} dir;

/* ---- problems and small helpers ------------------------------------------ */

static zl_location at_url(dir *d, const dc *c, const char *dn)
{
	char url[TEXT_MAX];
	zl_location l = { NULL, 1, 1 };

	snprintf(url, sizeof url, "ldap://%s/%s", c->host, dn ? dn : "");
	l.file = zl_model_strdup(d->m, url);
	if (!l.file)
		d->oom = true;
	return l;
}

static void problem(dir *d, zl_severity sev, zl_location where,
                    const zl_name *zone, const zl_name *server,
                    const char *fmt, ...) ZL_PRINTF(6, 7);
static void problem(dir *d, zl_severity sev, zl_location where,
                    const zl_name *zone, const zl_name *server,
                    const char *fmt, ...)
{
	char msg[MESSAGE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (!where.file)
		where.file = "<ldap>";
	zl_model_problem_add(d->m, ZL_SOURCE_LDAP, sev, sev == ZL_SEVERITY_ERROR,
	                     where, zone, server, "%s", msg);
	/* A directory read that failed somewhere may have missed DCs: the
	 * rules that judge unknown hosts must not (SPEC 6.3). */
	if (sev == ZL_SEVERITY_ERROR)
		zl_model_set_partial(d->m, true);
}

/* The reason an operation on ld failed: the server's words when it gave
 * some, else the library's. */
static const char *ldap_why(LDAP *ld, int rc, char *buf, size_t size)
{
	char *diag = NULL;

	if (ld)
		ldap_get_option(ld, LDAP_OPT_DIAGNOSTIC_MESSAGE, &diag);
	if (diag && strcmp(diag, "(unknown error code)") == 0)
		*diag = '\0';
	snprintf(buf, size, "%s%s%s", ldap_err2string(rc),
	         diag && *diag ? ": " : "", diag && *diag ? diag : "");
	ldap_memfree(diag);
	return buf;
}

static const char *keep(dir *d, const char *s, size_t len)
{
	const char *k = zl_model_strndup(d->m, s, len);

	if (!k)
		d->oom = true;
	return k;
}

/* A DC that could not be used is located at its URI, as given. */
static zl_location uri_loc(dir *d, const dc *c)
{
	zl_location l = { keep(d, c->uri, strlen(c->uri)), 1, 1 };

	return l;
}

/* ---- DNs ([RFC 4514]) ------------------------------------------------------ */

/* The DN without its first RDN ("" for a single RDN). */
static const char *dn_parent(const char *dn)
{
	for (const char *p = dn; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		else if (*p == ',')
			return p + 1;
	}
	return "";
}

/* The value of the first RDN, in the model; NULL when dn does not parse. */
static const char *dn_first_value(dir *d, const char *dn)
{
	LDAPDN parsed = NULL;
	const char *v = NULL;

	if (ldap_str2dn(dn, &parsed, LDAP_DN_FORMAT_LDAPV3) == LDAP_SUCCESS &&
	    parsed && parsed[0] && parsed[0][0])
		v = keep(d, parsed[0][0]->la_value.bv_val, parsed[0][0]->la_value.bv_len);
	ldap_dnfree(parsed);
	return v;
}

static bool has_prefix(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* ---- searching --------------------------------------------------------------- */

typedef void entry_fn(dir *d, dc *c, LDAPMessage *e, void *arg);

/* The first value of attribute `attr` of e, in the model, or NULL. */
static const char *first_value(dir *d, dc *c, LDAPMessage *e, const char *attr)
{
	struct berval **v = ldap_get_values_len(c->ld, e, attr);
	const char *s = NULL;

	if (v && v[0])
		s = keep(d, v[0]->bv_val, v[0]->bv_len);
	ldap_value_free_len(v);
	return s;
}

static const char *entry_dn(dir *d, dc *c, LDAPMessage *e)
{
	char *dn = ldap_get_dn(c->ld, e);
	const char *s = dn ? keep(d, dn, strlen(dn)) : NULL;

	ldap_memfree(dn);
	return s;
}

static struct timeval timeout_of(const dir *d)
{
	struct timeval tv = { (time_t)d->o->timeout, 0 };

	return tv;
}

/* The paging cookie of a result, or NULL when it was the last page. */
static struct berval *next_cookie(LDAP *ld, LDAPMessage *res)
{
	LDAPControl **ctrls = NULL, *page;
	struct berval cookie = { 0, NULL }, *next = NULL;
	ber_int_t count;
	int err;

	if (ldap_parse_result(ld, res, &err, NULL, NULL, NULL, &ctrls, 0) != LDAP_SUCCESS)
		return NULL;
	page = ldap_control_find(LDAP_CONTROL_PAGEDRESULTS, ctrls, NULL);
	if (page && ldap_parse_pageresponse_control(ld, page, &count, &cookie) ==
	            LDAP_SUCCESS && cookie.bv_len)
		next = ber_bvdup(&cookie);
	ber_memfree(cookie.bv_val);
	ldap_controls_free(ctrls);
	return next;
}

/*
 * Calls fn for each entry of a paged search.  A base that does not exist
 * is an empty result (a partition this DC does not hold); any other
 * failure is reported at the base and returns -1.
 */
/* A search asking for a security descriptor sends the SD_FLAGS control. */
static bool wants_sd(char **attrs)
{
	for (size_t i = 0; attrs && attrs[i]; i++)
		if (strcasecmp(attrs[i], "nTSecurityDescriptor") == 0)
			return true;
	return false;
}

static int search(dir *d, dc *c, const char *base, int scope, const char *filter,
                  char **attrs, entry_fn *fn, void *arg)
{
	struct berval *cookie = NULL;
	char why[MESSAGE_MAX];
	int rc;

	/* [MS-ADTS] 3.1.1.3.4.1.11 LDAP_SERVER_SD_FLAGS_OID, value BER
	 * SEQUENCE { INTEGER 4 }: the DACL alone, which any account that may
	 * read the object may read (no SeSecurityPrivilege needed for it). */
	static char sd_flags_value[] = { 0x30, 0x03, 0x02, 0x01, 0x04 };
	LDAPControl sd_flags = { "1.2.840.113556.1.4.801",
	                         { sizeof sd_flags_value, sd_flags_value }, 0 };

	do {
		LDAPControl *page = NULL, *ctrls[3] = { NULL, NULL, NULL };
		LDAPMessage *res = NULL;
		struct timeval tv = timeout_of(d);

		rc = ldap_create_page_control(c->ld, PAGE_SIZE, cookie, 0, &page);
		ber_bvfree(cookie);
		cookie = NULL;
		if (rc != LDAP_SUCCESS)
			break;
		ctrls[0] = page;
		if (wants_sd(attrs))
			ctrls[1] = &sd_flags;
		rc = ldap_search_ext_s(c->ld, base, scope, filter, attrs, 0, ctrls, NULL,
		                       &tv, LDAP_NO_LIMIT, &res);
		ldap_control_free(page);
		if (rc == LDAP_SUCCESS) {
			for (LDAPMessage *e = ldap_first_entry(c->ld, res); e && !d->oom;
			     e = ldap_next_entry(c->ld, e))
				fn(d, c, e, arg);
			cookie = next_cookie(c->ld, res);
		}
		ldap_msgfree(res);
	} while (rc == LDAP_SUCCESS && cookie && !d->oom);
	ber_bvfree(cookie);
	if (rc == LDAP_SUCCESS || rc == LDAP_NO_SUCH_OBJECT)
		return 0;
	problem(d, ZL_SEVERITY_ERROR, at_url(d, c, base), NULL, NULL,
	        "cannot read %s from %s: %s", base, c->uri, ldap_why(c->ld, rc, why,
	                                                             sizeof why));
	return -1;
}

/* ---- connecting ---------------------------------------------------------------- */

/* SASL GSSAPI asks nothing a Kerberos ticket does not answer: take the
 * defaults (the ticket's principal, no authorization identity). */
static int sasl_defaults(LDAP *ld, unsigned flags, void *defaults, void *in)
{
	(void)ld;
	(void)flags;
	(void)defaults;
	for (sasl_interact_t *i = in; i->id != SASL_CB_LIST_END; i++) {
		i->result = i->defresult ? i->defresult : "";
		i->len = (unsigned)strlen(i->result);
	}
	return LDAP_SUCCESS;
}

/* Certificates are checked (the CA from --ca, else ldap.conf's); with a
 * simple bind, a plain ldap:// URI must upgrade with StartTLS (RFC 4513 3),
 * so a password never crosses the network in clear. */
static int set_options(const dir *d, LDAP *ld)
{
	int v3 = LDAP_VERSION3, demand = LDAP_OPT_X_TLS_DEMAND, zero = 0;
	struct timeval tv = timeout_of(d);

	if (ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &v3) != LDAP_OPT_SUCCESS ||
	    ldap_set_option(ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF) != LDAP_OPT_SUCCESS ||
	    ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &tv) != LDAP_OPT_SUCCESS ||
	    ldap_set_option(ld, LDAP_OPT_TIMEOUT, &tv) != LDAP_OPT_SUCCESS ||
	    ldap_set_option(ld, LDAP_OPT_X_TLS_REQUIRE_CERT, &demand) != LDAP_OPT_SUCCESS)
		return -1;
	if (d->o->ca_file &&
	    ldap_set_option(ld, LDAP_OPT_X_TLS_CACERTFILE, d->o->ca_file) != LDAP_OPT_SUCCESS)
		return -1;
	/* per-handle TLS options take effect in a new context */
	return ldap_set_option(ld, LDAP_OPT_X_TLS_NEWCTX, &zero) == LDAP_OPT_SUCCESS ? 0 : -1;
}

static int dc_bind(const dir *d, dc *c)
{
	if (d->o->bind_dn) {
		struct berval cred = { strlen(d->o->password ? d->o->password : ""),
		                       (char *)(d->o->password ? d->o->password : "") };
		return ldap_sasl_bind_s(c->ld, d->o->bind_dn, LDAP_SASL_SIMPLE, &cred,
		                        NULL, NULL, NULL);
	}
	/* Over ldaps:// TLS protects the session and AD refuses a SASL layer
	 * on top of it ("Sign or Seal are not allowed if TLS is used"); over
	 * ldap:// Kerberos seals it instead of StartTLS (AD's LDAP signing,
	 * and Samba's "ldap server require strong auth"): minssf 56 demands
	 * encryption, not just integrity. */
	if (ldap_set_option(c->ld, LDAP_OPT_X_SASL_SECPROPS,
	                    c->tls ? "maxssf=0" : "minssf=56") != LDAP_OPT_SUCCESS)
		return LDAP_LOCAL_ERROR;
	return ldap_sasl_interactive_bind_s(c->ld, NULL, "GSSAPI", NULL, NULL,
	                                    LDAP_SASL_QUIET, sasl_defaults, NULL);
}

/* The address the connection reached: the DC's address as its URI finds
 * it (SPEC 3, precise semantics of --ldap). */
static void read_peer(dc *c)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	int fd = -1;

	if (ldap_get_option(c->ld, LDAP_OPT_DESC, &fd) != LDAP_OPT_SUCCESS || fd < 0 ||
	    getpeername(fd, (struct sockaddr *)&ss, &len) != 0)
		return;
	memset(&c->peer, 0, sizeof c->peer);
	if (ss.ss_family == AF_INET) {
		c->peer.family = 4;
		memcpy(c->peer.bytes, &((struct sockaddr_in *)&ss)->sin_addr, 4);
		c->has_peer = true;
	} else if (ss.ss_family == AF_INET6) {
		const struct in6_addr *a6 = &((struct sockaddr_in6 *)&ss)->sin6_addr;
		c->has_peer = true;
		if (IN6_IS_ADDR_V4MAPPED(a6)) {
			c->peer.family = 4;
			memcpy(c->peer.bytes, a6->s6_addr + 12, 4);
		} else {
			c->peer.family = 6;
			memcpy(c->peer.bytes, a6->s6_addr, 16);
		}
	}
}

static void root_dse_entry(dir *d, dc *c, LDAPMessage *e, void *arg)
{
	struct berval **v = ldap_get_values_len(c->ld, e, "namingContexts");

	(void)arg;
	c->service = first_value(d, c, e, "dsServiceName");
	c->config_nc = first_value(d, c, e, "configurationNamingContext");
	c->default_nc = first_value(d, c, e, "defaultNamingContext");
	c->root_nc = first_value(d, c, e, "rootDomainNamingContext");
	for (size_t i = 0; v && v[i]; i++) {
		const char *nc = keep(d, v[i]->bv_val, v[i]->bv_len);
		if (nc && VEC_PUSH(c->ncs, nc) != 0)
			d->oom = true;
	}
	ldap_value_free_len(v);
}

static int read_root_dse(dir *d, dc *c)
{
	static char *attrs[] = { "dsServiceName", "configurationNamingContext",
	                         "defaultNamingContext", "rootDomainNamingContext",
	                         "namingContexts", NULL };
	LDAPMessage *res = NULL;
	struct timeval tv = timeout_of(d);
	char why[MESSAGE_MAX];
	int rc = ldap_search_ext_s(c->ld, "", LDAP_SCOPE_BASE, "(objectClass=*)",
	                           attrs, 0, NULL, NULL, &tv, 1, &res);
	LDAPMessage *e = rc == LDAP_SUCCESS ? ldap_first_entry(c->ld, res) : NULL;

	if (e)
		root_dse_entry(d, c, e, NULL);
	ldap_msgfree(res);
	if (e && c->service && c->config_nc && c->default_nc)
		return 0;
	problem(d, ZL_SEVERITY_ERROR, at_url(d, c, NULL), NULL, NULL,
	        "%s is not an Active Directory DC: its root DSE %s", c->uri,
	        rc != LDAP_SUCCESS ? ldap_why(c->ld, rc, why, sizeof why)
	        : "lacks dsServiceName, configurationNamingContext or "
	          "defaultNamingContext");
	return -1;
}

/* The socket libldap opened (LDAP_OPT_CONNECT_CB), for the watchdog. */
static int note_socket(LDAP *ld, Sockbuf *sb, LDAPURLDesc *srv,
                       struct sockaddr *addr, struct ldap_conncb *ctx)
{
	dc *c = ctx->lc_arg;
	int fd = -1;

	(void)ld;
	(void)srv;
	(void)addr;
	ber_sockbuf_ctrl(sb, LBER_SB_OPT_GET_FD, &fd);
	pthread_mutex_lock(&c->lock);
	c->fd = fd;
	pthread_mutex_unlock(&c->lock);
	return 0;
}

static void forget_socket(LDAP *ld, Sockbuf *sb, struct ldap_conncb *ctx)
{
	dc *c = ctx->lc_arg;

	(void)ld;
	(void)sb;
	pthread_mutex_lock(&c->lock);
	c->fd = -1;
	pthread_mutex_unlock(&c->lock);
}

/* Connect, StartTLS, bind: on the opening thread, touching only c and
 * the options (the model is not thread-safe). */
static void *open_connection(void *arg)
{
	dc *c = arg;
	const dir *d = c->d;
	int rc = ldap_initialize(&c->ld, c->uri);

	c->step = "connect to";
	if (rc == LDAP_SUCCESS && (set_options(d, c->ld) != 0 ||
	    ldap_set_option(c->ld, LDAP_OPT_CONNECT_CB, &c->cb) != LDAP_OPT_SUCCESS))
		rc = LDAP_PARAM_ERROR;
	/* a simple bind's password is never sent without TLS */
	if (rc == LDAP_SUCCESS && !c->tls && !c->ldapi && d->o->bind_dn) {
		c->step = "start TLS with";
		rc = ldap_start_tls_s(c->ld, NULL, NULL);
	}
	if (rc == LDAP_SUCCESS) {
		c->step = d->o->bind_dn ? "bind (simple, as the --bind-dn) to"
		                        : "bind (SASL GSSAPI) to";
		rc = dc_bind(d, c);
	}
	pthread_mutex_lock(&c->lock);
	c->rc = rc;
	c->opened = true;
	pthread_cond_signal(&c->cond);
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

/*
 * Runs open_connection with a deadline of twice --timeout.  libldap's
 * own network timeout does not cover the TLS handshake with GnuTLS (a
 * server that accepts and never answers keeps it spinning), so past the
 * deadline the socket is shut down, which ends the handshake.  Returns
 * false when the deadline passed.
 */
static bool open_with_deadline(dc *c)
{
	struct timespec until;
	pthread_t t;
	bool in_time;
	int wait = 0;

	if (pthread_create(&t, NULL, open_connection, c) != 0) {
		open_connection(c);
		return true;
	}
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 2 * (time_t)c->d->o->timeout;
	pthread_mutex_lock(&c->lock);
	while (!c->opened && wait != ETIMEDOUT)
		wait = pthread_cond_timedwait(&c->cond, &c->lock, &until);
	in_time = c->opened;
	if (!in_time && c->fd >= 0)
		shutdown(c->fd, SHUT_RDWR);
	pthread_mutex_unlock(&c->lock);
	pthread_join(t, NULL);
	return in_time;
}

/* The URI's host (for locations) and scheme; false when it does not parse. */
static bool parse_uri(dir *d, dc *c)
{
	LDAPURLDesc *url = NULL;
	const char *host;

	if (ldap_url_parse(c->uri, &url) != LDAP_URL_SUCCESS) {
		problem(d, ZL_SEVERITY_ERROR, uri_loc(d, c), NULL, NULL,
		        "bad LDAP URI '%s': expected ldap://HOST or ldaps://HOST", c->uri);
		return false;
	}
	host = url->lud_host ? url->lud_host : "";
	c->host = keep(d, host, strlen(host));
	c->tls = strcasecmp(url->lud_scheme, "ldaps") == 0;
	c->ldapi = strcasecmp(url->lud_scheme, "ldapi") == 0;
	ldap_free_urldesc(url);
	return c->host != NULL;
}

/* Connects, secures, binds and reads the root DSE; on any failure the DC
 * is reported and left unusable (c->ld NULL). */
static void dc_open(dir *d, dc *c)
{
	char why[MESSAGE_MAX];
	bool in_time;

	c->host = c->uri;
	c->d = d;
	c->fd = -1;
	c->cb = (ldap_conncb){ note_socket, forget_socket, c };
	if (!parse_uri(d, c) || pthread_mutex_init(&c->lock, NULL) != 0)
		return;
	if (pthread_cond_init(&c->cond, NULL) != 0) {
		pthread_mutex_destroy(&c->lock);
		return;
	}
	c->sync_ready = true;
	in_time = open_with_deadline(c);
	if (!in_time) {
		problem(d, ZL_SEVERITY_ERROR, uri_loc(d, c), NULL, NULL,
		        "cannot %s %s: no answer within %u s (--timeout %u)", c->step,
		        c->uri, 2 * d->o->timeout, d->o->timeout);
	} else if (c->rc == LDAP_SERVER_DOWN || c->rc == LDAP_CONNECT_ERROR) {
		/* the TLS handshake of ldaps:// happens here too, and OpenLDAP
		 * tells a refused certificate only as "Can't contact" */
		problem(d, ZL_SEVERITY_ERROR, uri_loc(d, c), NULL, NULL,
		        "cannot connect to %s: %s (unreachable, or its certificate "
		        "is not signed by a CA of --ca)", c->uri, ldap_err2string(c->rc));
	} else if (c->rc != LDAP_SUCCESS) {
		problem(d, ZL_SEVERITY_ERROR, uri_loc(d, c), NULL, NULL, "cannot %s %s: %s",
		        c->step, c->uri, ldap_why(c->ld, c->rc, why, sizeof why));
	} else if (read_root_dse(d, c) == 0) {
		read_peer(c);
		return;
	}
	if (c->ld)
		ldap_unbind_ext_s(c->ld, NULL, NULL);
	c->ld = NULL;
}

/* ---- the configuration partition -------------------------------------------- */

static dir_server *server_by(dir *d, const char *dn, bool ntds)
{
	for (size_t i = 0; i < d->servers.n; i++) {
		const char *x = ntds ? d->servers.v[i].ntds : d->servers.v[i].dn;
		if (x && strcasecmp(x, dn) == 0)
			return &d->servers.v[i];
	}
	return NULL;
}

static void domain_entry(dir *d, dc *c, LDAPMessage *e, void *arg)
{
	const char *nc = first_value(d, c, e, "nCName");
	const char *root = first_value(d, c, e, "dnsRoot");
	const zl_name *n = root ? zl_model_intern(d->m, root) : NULL;

	(void)arg;
	if (!n || !nc)
		return;
	if (c->root_nc && strcasecmp(nc, c->root_nc) == 0) {
		d->forest = n;
		d->forest_where = at_url(d, c, entry_dn(d, c, e));
	}
	if (VEC_PUSH(d->domains, n) != 0 || VEC_PUSH(d->domain_ncs, nc) != 0 ||
	    VEC_PUSH(d->domain_guids, NULL) != 0)
		d->oom = true;
}

static void server_entry(dir *d, dc *c, LDAPMessage *e, void *arg)
{
	const char *host = first_value(d, c, e, "dNSHostName");
	dir_server s = { .dn = entry_dn(d, c, e), .roles = ZL_ROLE_DC | ZL_ROLE_DNS };

	(void)arg;
	if (!s.dn)
		return;
	s.where = at_url(d, c, s.dn);
	/* CN=<server>,CN=Servers,CN=<site>,CN=Sites,... */
	s.site = dn_first_value(d, dn_parent(dn_parent(s.dn)));
	s.name = host ? zl_model_intern(d->m, host) : NULL;
	if (!s.name) {
		problem(d, ZL_SEVERITY_WARNING, s.where, NULL, NULL,
		        "server object %s has no usable dNSHostName; it is left out", s.dn);
		return;
	}
	if (VEC_PUSH(d->servers, s) != 0)
		d->oom = true;
}

/* objectGUID as text: the first three fields are little-endian
 * ([MS-DTYP] 2.3.4.2). */
static const char *guid_text(dir *d, const struct berval *v)
{
	const uint8_t *g = (const uint8_t *)v->bv_val;
	char t[37];

	if (v->bv_len != 16)
		return NULL;
	snprintf(t, sizeof t, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	         "%02x%02x%02x%02x%02x%02x", g[3], g[2], g[1], g[0], g[5], g[4],
	         g[7], g[6], g[8], g[9], g[10], g[11], g[12], g[13], g[14], g[15]);
	return keep(d, t, 36);
}

/* Whether msDS-hasMasterNCs names a DNS application partition; false also
 * when the attribute is absent (*present tells). */
static bool holds_dns_partition(LDAP *ld, LDAPMessage *e, bool *present)
{
	struct berval **v = ldap_get_values_len(ld, e, "msDS-hasMasterNCs");
	bool dns = false;

	*present = v && v[0];
	for (size_t i = 0; v && v[i]; i++)
		dns |= has_prefix(v[i]->bv_val, "DC=DomainDnsZones,") ||
		       has_prefix(v[i]->bv_val, "DC=ForestDnsZones,");
	ldap_value_free_len(v);
	return dns;
}

static void ntds_entry(dir *d, dc *c, LDAPMessage *e, void *arg)
{
	const char *dn = entry_dn(d, c, e);
	dir_server *s = dn ? server_by(d, dn_parent(dn), false) : NULL;
	struct berval **guid = ldap_get_values_len(c->ld, e, "objectGUID");
	struct berval **classes = ldap_get_values_len(c->ld, e, "objectClass");
	const char *options = first_value(d, c, e, "options");
	bool present;

	(void)arg;
	for (size_t i = 0; s && classes && classes[i]; i++)
		if (strcasecmp(classes[i]->bv_val, "nTDSDSARO") == 0)
			s->roles |= ZL_ROLE_RODC;
	ldap_value_free_len(classes);
	if (s) {
		s->ntds = dn;
		s->guid = guid && guid[0] ? guid_text(d, guid[0]) : NULL;
		if (options && strtoul(options, NULL, 10) & NTDSDSA_OPT_IS_GC)
			s->roles |= ZL_ROLE_GC;
		if (!holds_dns_partition(c->ld, e, &present) && present)
			s->roles &= ~(unsigned)ZL_ROLE_DNS;
	}
	ldap_value_free_len(guid);
}

static void connection_entry(dir *d, dc *c, LDAPMessage *e, void *arg)
{
	const char *dn = entry_dn(d, c, e);
	const char *from = first_value(d, c, e, "fromServer");
	const char *enabled = first_value(d, c, e, "enabledConnection");
	dir_server *s = dn ? server_by(d, dn_parent(dn), true) : NULL;

	(void)arg;
	if (s && from && !(enabled && strcasecmp(enabled, "FALSE") == 0) &&
	    VEC_PUSH(s->from, from) != 0)
		d->oom = true;
}

/* A subnet's cn is its prefix ("10.0.0.0/24", "fd00::/64"). */
static void subnet_entry(dir *d, dc *c, LDAPMessage *e, void *arg)
{
	const char *cn = first_value(d, c, e, "cn");
	const char *site = first_value(d, c, e, "siteObject");
	char host[INET6_ADDRSTRLEN + 1];
	dir_subnet s = { .site = site ? dn_first_value(d, site) : NULL };
	const char *slash = cn ? strchr(cn, '/') : NULL;
	unsigned len;

	(void)arg;
	if (!slash || (size_t)(slash - cn) >= sizeof host || sscanf(slash + 1, "%u", &len) != 1)
		return;
	memcpy(host, cn, (size_t)(slash - cn));
	host[slash - cn] = '\0';
	if (!zl_addr_parse(host, &s.net.addr) || len > (s.net.addr.family == 4 ? 32u : 128u))
		return;
	s.net.length = (uint8_t)len;
	if (VEC_PUSH(d->subnets, s) != 0)
		d->oom = true;
}

static void read_config(dir *d, dc *c)
{
	static char *domain_attrs[] = { "nCName", "dnsRoot", NULL };
	static char *server_attrs[] = { "dNSHostName", NULL };
	static char *ntds_attrs[] = { "objectGUID", "options", "msDS-hasMasterNCs",
	                              "objectClass", NULL };
	static char *conn_attrs[] = { "fromServer", "enabledConnection", NULL };
	static char *subnet_attrs[] = { "cn", "siteObject", NULL };
	char base[TEXT_MAX];

	d->config = c;
	snprintf(base, sizeof base, "CN=Partitions,%s", c->config_nc);
	search(d, c, base, LDAP_SCOPE_ONELEVEL,
	       "(&(objectClass=crossRef)(systemFlags:1.2.840.113556.1.4.803:=2))",
	       domain_attrs, domain_entry, NULL);
	snprintf(base, sizeof base, "CN=Sites,%s", c->config_nc);
	if (search(d, c, base, LDAP_SCOPE_SUBTREE, "(objectClass=server)",
	           server_attrs, server_entry, NULL) != 0)
		return;
	search(d, c, base, LDAP_SCOPE_SUBTREE, "(objectClass=nTDSDSA)", ntds_attrs,
	       ntds_entry, NULL);
	search(d, c, base, LDAP_SCOPE_SUBTREE, "(objectClass=nTDSConnection)",
	       conn_attrs, connection_entry, NULL);
	snprintf(base, sizeof base, "CN=Subnets,CN=Sites,%s", c->config_nc);
	search(d, c, base, LDAP_SCOPE_ONELEVEL, "(objectClass=subnet)", subnet_attrs,
	       subnet_entry, NULL);
}

/* A domain object: its GUID, and the PDC emulator it names. */
static void domain_object_entry(dir *d, dc *c, LDAPMessage *e, void *arg)
{
	size_t i = *(const size_t *)arg;
	struct berval **guid = ldap_get_values_len(c->ld, e, "objectGUID");
	const char *pdc = first_value(d, c, e, "fSMORoleOwner");
	dir_server *s = pdc ? server_by(d, pdc, true) : NULL;

	if (guid && guid[0])
		d->domain_guids.v[i] = guid_text(d, guid[0]);
	ldap_value_free_len(guid);
	if (s)
		s->roles |= ZL_ROLE_PDC;
}

/* Each domain object, from a queried DC of that domain (another DC would
 * only refer the search elsewhere): a domain none of them serves keeps
 * its GUID and PDC unknown. */
static void read_domain_objects(dir *d)
{
	static char *attrs[] = { "objectGUID", "fSMORoleOwner", NULL };

	for (size_t i = 0; i < d->domain_ncs.n && !d->oom; i++) {
		for (size_t j = 0; j < d->o->nuris; j++) {
			dc *c = &d->dcs[j];
			if (c->ld && c->default_nc && strcasecmp(c->default_nc, d->domain_ncs.v[i]) == 0) {
				search(d, c, d->domain_ncs.v[i], LDAP_SCOPE_BASE, "(objectClass=domain)",
				       attrs, domain_object_entry, &i);
				break;
			}
		}
	}
}

/* ---- the zones a DC holds ----------------------------------------------------- */

/* The zone's aging intervals from its dNSProperty values; a value that
 * does not decode is ignored (the default 7 + 7 days stays). */
static void read_aging(dc *c, LDAPMessage *e, dir_zone *z)
{
	struct berval **v = ldap_get_values_len(c->ld, e, "dNSProperty");
	uint32_t id, value;
	bool has;

	for (size_t i = 0; v && v[i]; i++) {
		if (zl_dnsproperty_decode((const uint8_t *)v[i]->bv_val, v[i]->bv_len,
		                          &id, &value, &has) != 0 || !has)
			continue;
		if (id == ZL_DNSPROPERTY_NOREFRESH)
			z->no_refresh_hours = value;
		else if (id == ZL_DNSPROPERTY_REFRESH)
			z->refresh_hours = value;
	}
	ldap_value_free_len(v);
}

/* Whole days for an interval in hours, rounded up so that aged-address
 * never fires before Windows would scavenge; 0 hours is the default 7
 * days ([MS-DNSP] 3.1.1.2.1). */
static unsigned aging_days(uint32_t hours)
{
	return hours ? (unsigned)((hours + 23u) / 24u) : 7u;
}

/* ---- zone settings and zone objects (SPEC 6.1) -------------------------------- */

/*
 * The zone name a dnsZone object is a copy of: its own name; for a
 * replication collision the part before "\nCNF:<guid>" ([MS-ADTS]
 * 3.1.1.1.16, the RDN shows it as "\0ACNF:"); for a leftover of a zone
 * creation the part after "..InProgress-<hex>-" (KB 867464).  NULL for
 * the server's own objects (RootDNSServers, ..TrustAnchors).
 */
static const zl_name *object_zone(dir *d, const char *name)
{
	const char *nl = strchr(name, '\n'), *p;
	char base[TEXT_MAX];

	if (nl) {
		snprintf(base, sizeof base, "%.*s", (int)(nl - name), name);
		return zl_model_intern(d->m, base);
	}
	if (has_prefix(name, "..InProgress-")) {
		p = strchr(name + strlen("..InProgress-"), '-');
		return p && p[1] ? zl_model_intern(d->m, p + 1) : NULL;
	}
	if (has_prefix(name, "..") || strcasecmp(name, "RootDNSServers") == 0)
		return NULL;
	return zl_model_intern(d->m, name);
}

static void note_object(dir *d, dc *c, const char *name, const char *dn)
{
	dir_object o = { object_zone(d, name), at_url(d, c, dn) };

	if (o.name && o.where.file && VEC_PUSH(d->objects, o) != 0)
		d->oom = true;
}

/* The zone's dNSProperty values ([MS-DNSP] 2.3.2.1) and, read with the
 * SD_FLAGS control, its DACL: who may create records.  A value that does
 * not decode is an ldap-source error and that setting stays unknown; a
 * descriptor the account may not read leaves create_child unknown. */
static void read_settings(dir *d, dc *c, LDAPMessage *e, dir_zone *z)
{
	struct berval **v = ldap_get_values_len(c->ld, e, "dNSProperty");
	char why[MESSAGE_MAX];

	z->x = calloc(1, sizeof *z->x);
	if (!z->x) {
		ldap_value_free_len(v);
		d->oom = true;
		return;
	}
	z->x->where = at_url(d, c, z->dn);
	for (size_t i = 0; v && v[i]; i++)
		if (zl_zone_props_add(&z->x->props, (const uint8_t *)v[i]->bv_val,
		                      v[i]->bv_len, why, sizeof why) != 0)
			problem(d, ZL_SEVERITY_ERROR, z->x->where, z->name, NULL,
			        "dNSProperty value %zu of zone %s: %s", i + 1,
			        zl_name_text(z->name), why);
	ldap_value_free_len(v);
	v = ldap_get_values_len(c->ld, e, "nTSecurityDescriptor");
	if (v && v[0]) {
		if (zl_sd_create_child((const uint8_t *)v[0]->bv_val, v[0]->bv_len,
		                       &z->x->trustees, &z->x->no_dacl, why, sizeof why) == 0)
			z->x->has_sd = true;
		else
			problem(d, ZL_SEVERITY_ERROR, z->x->where, z->name, NULL,
			        "nTSecurityDescriptor of zone %s: %s", zl_name_text(z->name), why);
	}
	ldap_value_free_len(v);
}

typedef struct zone_scan {
	zl_storage storage;
} zone_scan;

static void zone_entry(dir *d, dc *c, LDAPMessage *e, void *arg)
{
	const zone_scan *scan = arg;
	const char *name = first_value(d, c, e, "name");
	dir_zone z = { NULL, scan->storage, entry_dn(d, c, e), 0, 0, NULL };

	if (name && z.dn)
		note_object(d, c, name, z.dn);
	/* root hints and Windows' own ..TrustAnchors, ..InProgress-* zones;
	 * conflict copies (zone-conflict reads them from d->objects) */
	if (!name || !z.dn || strcasecmp(name, "RootDNSServers") == 0 ||
	    has_prefix(name, "..") || strstr(name, "\nCNF:") || strchr(name, '\n'))
		return;
	z.name = zl_model_intern(d->m, name);
	if (!z.name) {
		problem(d, ZL_SEVERITY_ERROR, at_url(d, c, z.dn), NULL, NULL,
		        "zone object %s has a malformed name", z.dn);
		return;
	}
	for (size_t i = 0; i < c->zones.n; i++)
		if (c->zones.v[i].name == z.name)
			return;           /* the same zone in two partitions: first wins */
	read_aging(c, e, &z);
	read_settings(d, c, e, &z);
	if (VEC_PUSH(c->zones, z) != 0) {
		free(z.x);
		d->oom = true;
	}
}

/* Zones in the DNS application partitions this DC holds, then the legacy
 * ones in its domain partition ([MS-DNSP] 2.3.1). */
static void read_zone_list(dir *d, dc *c)
{
	static char *attrs[] = { "name", "dNSProperty", "nTSecurityDescriptor", NULL };
	char base[TEXT_MAX];
	zone_scan scan;

	d->zones_read = true;

	for (size_t i = 0; i < c->ncs.n; i++) {
		const char *nc = c->ncs.v[i];
		if (has_prefix(nc, "DC=ForestDnsZones,"))
			scan.storage = ZL_STORAGE_AD_FOREST;
		else if (has_prefix(nc, "DC=DomainDnsZones,"))
			scan.storage = ZL_STORAGE_AD_DOMAIN;
		else
			continue;
		snprintf(base, sizeof base, "CN=MicrosoftDNS,%s", nc);
		search(d, c, base, LDAP_SCOPE_ONELEVEL, "(objectClass=dnsZone)", attrs,
		       zone_entry, &scan);
	}
	scan.storage = ZL_STORAGE_AD_LEGACY;
	snprintf(base, sizeof base, "CN=MicrosoftDNS,CN=System,%s", c->default_nc);
	search(d, c, base, LDAP_SCOPE_ONELEVEL, "(objectClass=dnsZone)", attrs,
	       zone_entry, &scan);
}

/* ---- merging into the model ------------------------------------------------------ */

/* The prefix of address a: the subnet holding it, in its site first, else
 * any; else /24 or /64 (SPEC 2). */
static zl_prefix prefix_of(const dir *d, const zl_addr *a, const char *site)
{
	zl_prefix p = { *a, a->family == 4 ? 24 : 64 };
	const dir_subnet *best = NULL;

	for (size_t i = 0; i < d->subnets.n; i++) {
		const dir_subnet *s = &d->subnets.v[i];
		bool same_site = site && s->site && strcasecmp(site, s->site) == 0;
		if (!zl_prefix_contains(&s->net, a))
			continue;
		if (!best || (same_site && !(best->site && strcasecmp(site, best->site) == 0)) ||
		    s->net.length > best->net.length)
			best = s;
	}
	if (best)
		p.length = best->net.length;
	return p;
}

static dc *queried_dc(dir *d, const dir_server *s)
{
	for (size_t i = 0; i < d->o->nuris; i++)
		if (d->dcs[i].ld && d->dcs[i].server == s)
			return &d->dcs[i];
	return NULL;
}

static void merge_addresses(dir *d, zl_server *ms, const dir_server *s)
{
	const dc *c = queried_dc(d, s);
	zl_prefix p;

	if (zl_server_address_count(ms))
		return;                 /* the inventory's addresses win */
	if (c && c->has_peer) {
		p = prefix_of(d, &c->peer, zl_server_site(ms));
		if (zl_server_add_address(ms, &p) != 0)
			d->oom = true;
		return;
	}
	problem(d, ZL_SEVERITY_WARNING, s->where, NULL, s->name,
	        "no address known for DC %s: it was not queried (--ldap) and the "
	        "inventory gives none; its host records are not checked",
	        zl_name_text(s->name));
}

/* One DC into the model: a new server, or the inventory's entry completed
 * with what it does not say. */
static void merge_server(dir *d, const dir_server *s)
{
	zl_server *ms = zl_model_server_mut(d->m, s->name);

	if (!ms) {
		ms = zl_model_add_server(d->m, s->name, s->where);
		if (!ms) {
			d->oom = true;
			return;
		}
		zl_server_set_roles(ms, s->roles);
	}
	/* SPEC 6.2: the directory's pdc, gc and rodc roles add to the inventory's. */
	zl_server_set_roles(ms, zl_server_roles(ms) |
	                    (s->roles & (ZL_ROLE_GC | ZL_ROLE_PDC | ZL_ROLE_RODC)));
	if (!zl_server_site(ms) && s->site)
		zl_server_set_site(ms, s->site);
	if (!zl_server_dsa_guid(ms) && s->guid)
		zl_server_set_dsa_guid(ms, s->guid);
	merge_addresses(d, ms, s);
	for (size_t i = 0; i < s->from.n; i++) {
		const dir_server *src = server_by(d, s->from.v[i], true);
		if (src && src != s && zl_server_add_inbound_name(ms, src->name, s->where) != 0)
			d->oom = true;
	}
}

static void merge_forest(dir *d)
{
	if (!zl_model_forest(d->m) && d->forest)
		zl_model_set_forest(d->m, d->forest, d->forest_where);
	if (d->forest)
		zl_model_add_domain(d->m, d->forest, d->forest_where);
	for (size_t i = 0; i < d->domains.n; i++)
		zl_model_add_domain(d->m, d->domains.v[i], d->forest_where);
	/* the inventory's guid wins */
	for (size_t i = 0; i < zl_model_domain_count(d->m); i++)
		for (size_t j = 0; j < d->domains.n; j++)
			if (zl_model_domain(d->m, i) == d->domains.v[j] && d->domain_guids.v[j] &&
			    !zl_model_domain_guid(d->m, i))
				zl_model_set_domain_guid(d->m, d->domains.v[j], d->domain_guids.v[j]);
}

/* The longest domain of the model that n lies in (SPEC 2, 3). */
static const zl_name *domain_of(const zl_model *m, const zl_name *n)
{
	const zl_name *best = NULL;

	for (size_t i = 0; i < zl_model_domain_count(m); i++) {
		const zl_name *x = zl_model_domain(m, i);
		if (zl_name_is_below(n, x) && (!best || zl_name_labels(x) > zl_name_labels(best)))
			best = x;
	}
	return best;
}

/* SPEC 2's default hosting, for a server whose replica was not read. */
static bool default_host(const zl_model *m, const zl_name *zone, zl_storage st,
                         const zl_server *s)
{
	const zl_name *zd = domain_of(m, zone), *sd = domain_of(m, zl_server_name(s));

	if (!(zl_server_roles(s) & ZL_ROLE_DNS))
		return false;
	if (st == ZL_STORAGE_AD_FOREST)
		return true;
	if (!zd)
		zd = zl_model_forest(m);
	return sd == zd || (!sd && zd == zl_model_forest(m));
}

/* The DC queried as server s, whether or not it could be read. */
static const dc *dc_of_server(const dir *d, const zl_server *s, bool *found)
{
	for (size_t i = 0; i < d->o->nuris; i++) {
		const dc *c = &d->dcs[i];
		if (c->server && c->server->name == zl_server_name(s)) {
			*found = true;
			return c;
		}
	}
	*found = false;
	return NULL;
}

static bool dc_holds(const dc *c, const zl_name *zone)
{
	for (size_t i = 0; i < c->zones.n; i++)
		if (c->zones.v[i].name == zone)
			return true;
	return false;
}

/* A zone of the directory that the inventory does not list: hosted by the
 * DCs whose replica returned it, and by default by the others. */
static void add_zone(dir *d, const dc *first, const dir_zone *dz)
{
	zl_zone *z = zl_model_add_zone(d->m, dz->name, at_url(d, first, dz->dn));
	bool queried;

	if (!z) {
		d->oom = true;
		return;
	}
	zl_zone_set_storage(z, dz->storage);
	zl_zone_set_aging(z, aging_days(dz->no_refresh_hours),
	                  aging_days(dz->refresh_hours));
	zl_zone_set_hosts_explicit(z);
	for (size_t i = 0; i < zl_model_server_count(d->m); i++) {
		const zl_server *s = zl_model_server(d->m, i);
		const dc *c = dc_of_server(d, s, &queried);
		bool hosts = queried && c->ld ? dc_holds(c, dz->name)
		             : default_host(d->m, dz->name, dz->storage, s);
		if (hosts && zl_zone_add_host_name(z, zl_server_name(s), zl_zone_location(z)) != 0)
			d->oom = true;
	}
}

static void merge_zones(dir *d)
{
	for (size_t i = 0; i < d->o->nuris; i++) {
		const dc *c = &d->dcs[i];
		for (size_t j = 0; c->ld && j < c->zones.n; j++)
			if (!zl_model_zone_find(d->m, c->zones.v[j].name))
				add_zone(d, c, &c->zones.v[j]);
	}
}

/* The directory's settings of zone z where the inventory gives none
 * (the inventory wins key by key), located at the zone object. */
static void merge_props(dir *d, zl_zone *z, const zone_extra *x)
{
	static const zl_update updates[] = { ZL_UPDATE_NONE, ZL_UPDATE_NONSECURE,
	                                     ZL_UPDATE_SECURE };
	zl_zone_cfg *cfg = zl_zone_cfg_mut(d->m, z);
	const zl_zone_props *p = &x->props;
	zl_aging *a;

	if (!cfg) {
		d->oom = true;
		return;
	}
	a = &cfg->own.aging;
	if (p->has_type && zl_zone_type_location(z).file == zl_zone_location(z).file &&
	    zl_zone_type(z) == ZL_ZONE_PRIMARY && (p->type == ZL_DNS_ZONE_TYPE_STUB ||
	                                           p->type == ZL_DNS_ZONE_TYPE_FORWARDER))
		zl_model_set_zone_type(d->m, z, p->type == ZL_DNS_ZONE_TYPE_STUB
		                       ? ZL_ZONE_STUB : ZL_ZONE_FORWARDER, x->where);
	if (p->has_update && p->update <= 2 && cfg->own.dynamic_update == ZL_UPDATE_UNKNOWN) {
		cfg->own.dynamic_update = updates[p->update];
		cfg->own.dynamic_update_where = x->where;
	}
	if (p->has_aging && !a->where.file) {
		a->known = true;
		a->enabled = p->aging;
		a->where = x->where;
		/* 0x10/0x20 are hours (SPEC 6.3: days are hours / 24) */
		a->days_known = p->has_norefresh && p->has_refresh;
		a->no_refresh_days = p->norefresh_hours / 24;
		a->refresh_days = p->refresh_hours / 24;
		if (p->has_scavengers)
			zl_model_keep_addrs(d->m, p->scavengers.addrs, p->scavengers.count,
			                    x->where, &a->scavenging_servers);
	}
	if (p->has_masters && !cfg->masters.known)
		zl_model_keep_addrs(d->m, p->masters.addrs, p->masters.count, x->where,
		                    &cfg->masters);
	if (p->has_auto_ns && !cfg->auto_ns.known)
		zl_model_keep_addrs(d->m, p->auto_ns.addrs, p->auto_ns.count, x->where,
		                    &cfg->auto_ns);
	if (x->has_sd && !cfg->create_child.known) {
		const char *names[ZL_TRUSTEES_MAX + 1];
		size_t n = 0;

		if (x->no_dacl)
			names[n++] = "everyone";
		for (size_t i = 0; i < x->trustees.count; i++)
			names[n++] = x->trustees.name[i];
		if (zl_model_keep_texts(d->m, names, n, x->where, &cfg->create_child) != 0)
			d->oom = true;
	}
}

/* Settings, zone objects: after merge_zones, so every zone is in the model. */
static void merge_settings(dir *d)
{
	for (size_t i = 0; i < d->o->nuris; i++) {
		const dc *c = &d->dcs[i];
		for (size_t j = 0; c->ld && j < c->zones.n; j++) {
			zl_zone *z = (zl_zone *)zl_model_zone_find(d->m, c->zones.v[j].name);
			if (z && c->zones.v[j].x)
				merge_props(d, z, c->zones.v[j].x);
		}
	}
	for (size_t i = 0; i < d->objects.n; i++) {
		zl_zone *z = (zl_zone *)zl_model_zone_find(d->m, d->objects.v[i].name);
		if (z && zl_zone_add_directory_object(d->m, z, d->objects.v[i].where) != 0)
			d->oom = true;
	}
	for (size_t i = 0; d->zones_read && i < zl_model_zone_count(d->m); i++) {
		zl_zone *z = (zl_zone *)zl_model_zone(d->m, i);
		if (zl_zone_storage(z) != ZL_STORAGE_FILE &&
		    zl_zone_set_directory_known(d->m, z) != 0)
			d->oom = true;
	}
}

/* ---- records ------------------------------------------------------------------------ */

typedef struct node_scan {
	zl_view *v;
	const zl_zone *zone;
	const zl_server *server;
} node_scan;

static bool tombstoned(dir *d, dc *c, LDAPMessage *e)
{
	const char *t = first_value(d, c, e, "dNSTombstoned");

	return t && strcasecmp(t, "TRUE") == 0;
}

/* The node's owner name: "@" is the apex ([MS-DNSP] 2.3.2.1). */
static const zl_name *node_owner(dir *d, const zl_zone *z, const char *name)
{
	if (strcmp(name, "@") == 0)
		return zl_zone_name(z);
	return zl_model_intern_child(d->m, name, zl_zone_name(z));
}

static void add_value(dir *d, const node_scan *ns, zl_location at,
                      zl_record_spec *spec, const struct berval *v, size_t index)
{
	char why[MESSAGE_MAX];
	int rc;

	if (zl_dnsrecord_decode((const uint8_t *)v->bv_val, v->bv_len, d->rec, why,
	                        sizeof why) != 0) {
		problem(d, ZL_SEVERITY_ERROR, at, zl_zone_name(ns->zone),
		        zl_server_name(ns->server), "dnsRecord value %zu of %s: %s",
		        index + 1, zl_name_text(spec->owner), why);
		return;
	}
	if (d->rec->type == ZL_DNSRECORD_TOMBSTONE || d->full)
		return;
	if (zl_model_records_full(d->m)) {
		d->full = true;
		problem(d, ZL_SEVERITY_ERROR, at, zl_zone_name(ns->zone),
		        zl_server_name(ns->server), "more than %zu records in this run "
		        "(--max-records raises the limit); the rest of the directory's "
		        "records are not read", zl_model_max_records(d->m));
		return;
	}
	rc = zl_dnsrecord_add(d->m, ns->v, d->rec, spec);
	if (rc == ZL_RR_NOMEM)
		d->oom = true;
	else if (rc != ZL_RR_OK)
		problem(d, ZL_SEVERITY_ERROR, at, zl_zone_name(ns->zone),
		        zl_server_name(ns->server), "dnsRecord value %zu of %s: %s",
		        index + 1, zl_name_text(spec->owner), zl_rr_strerror(rc));
}

static void node_entry(dir *d, dc *c, LDAPMessage *e, void *arg)
{
	const node_scan *ns = arg;
	const char *dn = entry_dn(d, c, e), *name = first_value(d, c, e, "name");
	zl_location at = at_url(d, c, dn);
	zl_record_spec spec = { .line = 1 };
	struct berval **v;
	int file;

	if (!dn || !at.file)
		return;
	if (tombstoned(d, c, e)) {
		const zl_name *owner = name ? node_owner(d, ns->zone, name) : NULL;

		if (owner && zl_zone_add_tombstone(d->m, (zl_zone *)ns->zone, owner, at) != 0)
			d->oom = true;
		return;
	}
	spec.owner = name ? node_owner(d, ns->zone, name) : NULL;
	if (!spec.owner) {
		problem(d, ZL_SEVERITY_ERROR, at, zl_zone_name(ns->zone),
		        zl_server_name(ns->server), "node %s has no usable name", dn);
		return;
	}
	/* each node is a "file" of the view, so findings name its DN; past
	 * 65535 nodes they name the zone's */
	file = zl_view_add_file(ns->v, at.file);
	spec.file = file < 0 ? 0 : (uint16_t)file;
	v = ldap_get_values_len(c->ld, e, "dnsRecord");
	for (size_t i = 0; v && v[i] && !d->oom; i++)
		add_value(d, ns, file < 0 ? at_url(d, c, dn) : at, &spec, v[i], i);
	ldap_value_free_len(v);
}

static void read_records(dir *d, dc *c, const dir_zone *dz)
{
	static char *attrs[] = { "name", "dnsRecord", "dNSTombstoned", NULL };
	zl_zone *z = (zl_zone *)zl_model_zone_find(d->m, dz->name);
	const zl_server *s = zl_model_server_find(d->m, c->server->name);
	zl_location where;
	node_scan ns = { NULL, z, s };

	if (!z || !s || !zl_zone_is_hosted_on(z, s) || zl_model_view_of(d->m, z, s) ||
	    zl_zone_type(z) != ZL_ZONE_PRIMARY)
		return;               /* the inventory says it does not host it */
	where = at_url(d, c, dz->dn);
	ns.v = where.file ? zl_model_add_view(d->m, z, where.file) : NULL;
	if (!ns.v) {
		d->oom = true;
		return;
	}
	if (search(d, c, dz->dn, LDAP_SCOPE_ONELEVEL, "(objectClass=dnsNode)", attrs,
	           node_entry, &ns) != 0 && zl_view_record_count(ns.v) == 0) {
		zl_model_drop_view(d->m, ns.v);
		return;
	}
	if (zl_zone_set_tombstones_known(d->m, z) != 0)
		d->oom = true;
	if (zl_view_attach_server(d->m, ns.v, s) != 0)
		d->oom = true;
}

/* ---- the whole load ------------------------------------------------------------------ */

static void find_own_server(dir *d, dc *c)
{
	c->server = server_by(d, dn_parent(c->service), false);
	if (!c->server)
		problem(d, ZL_SEVERITY_ERROR, at_url(d, c, c->service), NULL, NULL,
		        "%s names itself %s, which is not among the DCs of the "
		        "configuration partition; its zones are not read", c->uri,
		        c->service);
}

static void read_directory(dir *d)
{
	for (size_t i = 0; i < d->o->nuris && !d->oom; i++) {
		dc *c = &d->dcs[i];
		c->uri = d->o->uris[i];
		dc_open(d, c);
		if (c->ld && !d->config)
			read_config(d, c);
	}
	read_domain_objects(d);
	for (size_t i = 0; i < d->o->nuris && !d->oom; i++) {
		dc *c = &d->dcs[i];
		if (!c->ld)
			continue;
		find_own_server(d, c);
		if (c->server)
			read_zone_list(d, c);
	}
}

static void close_directory(dir *d)
{
	for (size_t i = 0; i < d->o->nuris; i++) {
		if (d->dcs[i].ld)
			ldap_unbind_ext_s(d->dcs[i].ld, NULL, NULL);
		if (d->dcs[i].sync_ready) {   /* after the unbind: it calls forget_socket */
			pthread_mutex_destroy(&d->dcs[i].lock);
			pthread_cond_destroy(&d->dcs[i].cond);
		}
		VEC_FREE(d->dcs[i].ncs);
		for (size_t j = 0; j < d->dcs[i].zones.n; j++)
			free(d->dcs[i].zones.v[j].x);
		VEC_FREE(d->dcs[i].zones);
	}
	for (size_t i = 0; i < d->servers.n; i++)
		VEC_FREE(d->servers.v[i].from);
	VEC_FREE(d->servers);
	VEC_FREE(d->subnets);
	VEC_FREE(d->domains);
	VEC_FREE(d->domain_ncs);
	VEC_FREE(d->domain_guids);
	VEC_FREE(d->objects);
	free(d->dcs);
	free(d->rec);
}

zl_status zl_ldap_load_forest(zl_model *m, const char *inventory,
                              const zl_ldap_options *o, const zl_zonefile_options *zo)
{
	dir d = { .m = m, .o = o };
	zl_status rc = ZL_ENOMEM;

	d.dcs = calloc(o->nuris ? o->nuris : 1, sizeof *d.dcs);
	d.rec = malloc(sizeof *d.rec);
	if (!d.dcs || !d.rec)
		goto done;
	if (inventory) {
		const zl_inventory_options io = { .include_anywhere = zo && zo->include_anywhere };

		zl_inventory_load_with(m, inventory, &io);   /* problems are recorded */
	}
	read_directory(&d);
	merge_forest(&d);
	for (size_t i = 0; i < d.servers.n && !d.oom; i++)
		if (d.servers.v[i].ntds)
			merge_server(&d, &d.servers.v[i]);
	merge_zones(&d);
	merge_settings(&d);
	if (d.oom || zl_model_resolve(m) != 0)
		goto done;
	for (size_t i = 0; i < o->nuris && !d.oom; i++)
		for (size_t j = 0; d.dcs[i].ld && d.dcs[i].server && j < d.dcs[i].zones.n; j++)
			read_records(&d, &d.dcs[i], &d.dcs[i].zones.v[j]);
	if (!d.oom && zl_load_views(m, zo) == ZL_OK)
		rc = ZL_OK;
done:
	close_directory(&d);
	return rc;
}
