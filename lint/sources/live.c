/*
 * lint/sources/live.c - see live.h.
 *
 * Threads: workers take jobs in order from a shared counter and run
 * zl_axfr_fetch, which touches nothing shared; the calling thread waits
 * for job 0, 1, 2, ... in turn, adds its records to the model and frees
 * them.  Workers stay at most `jobs + 1` jobs ahead of the conversion, so
 * a forest of hundreds of servers never holds all its transfers in memory
 * at once.
 */
#include "sources/live.h"

#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "sources/axfr.h"
#include "sources/rr_convert.h"

/* One server's copy of one zone. */
typedef struct job {
	zl_zone *zone;
	const zl_server *server;
	const char *zone_text;       /* the zone's name, read by the worker */
	const char *url;             /* "axfr://host:port/zone", in the model */
	zl_axfr_endpoint endpoint;
	zl_axfr_result result;       /* filled by the worker */
	bool done;                   /* result is ready (under pool.lock) */
} job;

typedef struct pool {
	pthread_mutex_t lock;
	pthread_cond_t cond;         /* a job finished, or the window moved */
	job *jobs;
	size_t n;
	size_t next;                 /* the next job a worker takes */
	size_t converted;            /* jobs before this one are in the model */
	size_t window;               /* how far workers may run ahead */
	unsigned timeout;
	size_t max_records;          /* per transfer (live.h) */
	bool stop;                   /* the model ran out of memory: give up */
} pool;

/* ---- jobs ----------------------------------------------------------------- */

/* "axfr://10.0.0.1:53/corp" (RFC 3986 host syntax); NULL on OOM. */
static const char *job_url(zl_model *m, const zl_axfr_endpoint *e, const zl_name *zone)
{
	char ep[300], url[ZL_NAME_TEXT_MAX + 320];
	const char *z = zl_name_text(zone);
	size_t len = strlen(z);

	if (len > 1)
		len--;                   /* the trailing dot, except for the root */
	snprintf(url, sizeof(url), "axfr://%s/%.*s",
	         zl_axfr_endpoint_format(e, ep, sizeof(ep)), (int)len, z);
	return zl_model_strdup(m, url);
}

/* Where s answers: its `dns` key, else its first address, port 53. */
static bool server_endpoint(const zl_server *s, zl_axfr_endpoint *out)
{
	const char *dns = zl_server_dns(s);

	if (dns)
		return zl_axfr_endpoint_parse(dns, out);
	if (zl_server_address_count(s) == 0)
		return false;
	zl_addr_format(&zl_server_address(s, 0)->addr, out->host, sizeof(out->host));
	out->port = 53;
	return true;
}

static void no_endpoint(zl_model *m, const zl_zone *z, const zl_server *s)
{
	const char *dns = zl_server_dns(s);
	char why[300];

	if (dns)
		snprintf(why, sizeof(why), "bad dns endpoint '%s'", dns);
	else
		snprintf(why, sizeof(why), "it has no address and no dns endpoint");
	zl_model_problem_add(m, ZL_SOURCE_LIVE_TRANSFER, ZL_SEVERITY_ERROR, true,
	                     zl_server_location(s), zl_zone_name(z), zl_server_name(s),
	                     "cannot transfer zone %s from %s: %s",
	                     zl_name_text(zl_zone_name(z)),
	                     zl_name_text(zl_server_name(s)), why);
}

/* One job per hosting server of each zone, in zone then server order. */
static int make_jobs(zl_model *m, job **out, size_t *count)
{
	size_t n = 0, cap = 0;
	job *jobs = NULL;

	for (size_t i = 0; i < zl_model_zone_count(m); i++) {
		zl_zone *z = (zl_zone *)zl_model_zone(m, i);
		cap += zl_zone_type(z) == ZL_ZONE_PRIMARY ? zl_zone_host_count(z) : 0;
	}
	if (cap && !(jobs = calloc(cap, sizeof(*jobs))))
		return -1;
	for (size_t i = 0; i < zl_model_zone_count(m); i++) {
		zl_zone *z = (zl_zone *)zl_model_zone(m, i);
		/* SPEC 6.3: stub and forwarder zones hold no names to transfer */
		for (size_t h = 0; zl_zone_type(z) == ZL_ZONE_PRIMARY &&
		     h < zl_zone_host_count(z); h++) {
			job *j = &jobs[n];
			j->zone = z;
			j->server = zl_zone_host(z, h);
			j->zone_text = zl_name_text(zl_zone_name(z));
			if (!server_endpoint(j->server, &j->endpoint)) {
				no_endpoint(m, z, j->server);
				continue;
			}
			j->url = job_url(m, &j->endpoint, zl_zone_name(z));
			if (!j->url) {
				free(jobs);
				return -1;
			}
			n++;
		}
	}
	*out = jobs;
	*count = n;
	return 0;
}

/* ---- answers into the model ------------------------------------------------- */

static void transfer_failed(zl_model *m, const job *j)
{
	char why[300], ep[300];
	zl_location at = { j->url, 1, 1 };

	zl_model_problem_add(m, ZL_SOURCE_LIVE_TRANSFER, ZL_SEVERITY_ERROR, true, at,
	                     zl_zone_name(j->zone), zl_server_name(j->server),
	                     "zone transfer of %s from %s at %s failed: %s",
	                     j->zone_text, zl_name_text(zl_server_name(j->server)),
	                     zl_axfr_endpoint_format(&j->endpoint, ep, sizeof(ep)),
	                     zl_axfr_describe(&j->result, why, sizeof(why)));
}

/* Windows-only types (windns.h DNS_TYPE_WINS 0xFF01, DNS_TYPE_WINSR
 * 0xFF02): Windows sends them to Windows secondaries unless the zone says
 * "do not replicate"; skipped as the zone file loader skips them. */
static bool windows_type(const ldns_rr *rr)
{
	ldns_rr_type t = ldns_rr_get_type(rr);

	return t == 0xFF01 || t == 0xFF02;
}

/* Adds record `index` (1-based) of the transfer; -1 on OOM only. */
static int add_record(zl_model *m, zl_view *v, const job *j, const ldns_rr *rr,
                      uint32_t index)
{
	zl_location at = { j->url, index, 1 };
	char *owner;
	int rc;

	if (windows_type(rr)) {
		owner = ldns_rdf2str(ldns_rr_owner(rr));
		zl_model_problem_add(m, ZL_SOURCE_ZONE_WINDOWS_TYPE, ZL_SEVERITY_INFO, false, at,
		                     zl_zone_name(j->zone), NULL,
		                     "Windows-only %s record at %s skipped (WINS lookup has "
		                     "no meaning outside Windows DNS Server)",
		                     ldns_rr_get_type(rr) == 0xFF01 ? "WINS" : "WINSR",
		                     owner ? owner : "?");
		free(owner);
		return 0;
	}
	rc = zl_record_from_ldns(m, v, rr, 0, index, 0);
	if (rc == ZL_RR_NOMEM)
		return -1;
	if (rc != ZL_RR_OK)
		zl_model_problem_add(m, ZL_SOURCE_LIVE_TRANSFER, ZL_SEVERITY_ERROR, true, at,
		                     zl_zone_name(j->zone), zl_server_name(j->server),
		                     "record %u of the transfer of %s from %s cannot be "
		                     "used: %s", (unsigned)index, j->zone_text,
		                     zl_name_text(zl_server_name(j->server)),
		                     zl_rr_strerror(rc));
	return 0;
}

/* The run's record limit (--max-records) is reached at record `index`. */
static void record_limit(zl_model *m, const job *j, uint32_t index)
{
	zl_location at = { j->url, index, 1 };

	zl_model_problem_add(m, ZL_SOURCE_LIVE_TRANSFER, ZL_SEVERITY_ERROR, true, at,
	                     zl_zone_name(j->zone), zl_server_name(j->server),
	                     "more than %zu records in this run (--max-records): the rest "
	                     "of the transfer of %s from %s is not read",
	                     zl_model_max_records(m), j->zone_text,
	                     zl_name_text(zl_server_name(j->server)));
}

/* The job's outcome into the model: a view, or a problem.  -1 on OOM. */
static int convert(zl_model *m, job *j)
{
	const ldns_rr_list *rrs = j->result.rrs;
	zl_view *v;

	if (j->result.status != ZL_AXFR_OK) {
		transfer_failed(m, j);
		return 0;
	}
	v = zl_model_add_view(m, j->zone, j->url);
	if (!v)
		return -1;
	for (size_t i = 0; i < ldns_rr_list_rr_count(rrs); i++) {
		if (zl_model_records_full(m)) {
			record_limit(m, j, (uint32_t)(i + 1));
			break;
		}
		if (add_record(m, v, j, ldns_rr_list_rr(rrs, i), (uint32_t)(i + 1)) != 0)
			return -1;
	}
	return zl_view_attach_server(m, v, j->server);
}

/* ---- the pool --------------------------------------------------------------- */

static void run_job(pool *p, job *j)
{
	zl_axfr_fetch(&j->endpoint, j->zone_text, p->timeout, p->max_records, &j->result);
}

static void *worker(void *arg)
{
	pool *p = arg;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->stop && p->next < p->n && p->next >= p->converted + p->window)
			pthread_cond_wait(&p->cond, &p->lock);
		if (p->stop || p->next >= p->n)
			break;
		job *j = &p->jobs[p->next++];
		pthread_mutex_unlock(&p->lock);
		run_job(p, j);
		pthread_mutex_lock(&p->lock);
		j->done = true;
		pthread_cond_broadcast(&p->cond);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Waits for job i (or runs it here when no worker could be started). */
static void wait_job(pool *p, size_t i, size_t threads)
{
	pthread_mutex_lock(&p->lock);
	if (threads == 0 && p->next == i) {
		p->next++;
		pthread_mutex_unlock(&p->lock);
		run_job(p, &p->jobs[i]);
		return;
	}
	while (!p->jobs[i].done)
		pthread_cond_wait(&p->cond, &p->lock);
	pthread_mutex_unlock(&p->lock);
}

static void advance(pool *p, size_t converted, bool stop)
{
	pthread_mutex_lock(&p->lock);
	p->converted = converted;
	p->stop |= stop;
	pthread_cond_broadcast(&p->cond);
	pthread_mutex_unlock(&p->lock);
}

/* Converts every job in order as it completes; -1 on OOM. */
static int convert_all(zl_model *m, pool *p, size_t threads)
{
	for (size_t i = 0; i < p->n; i++) {
		wait_job(p, i, threads);
		int rc = convert(m, &p->jobs[i]);
		ldns_rr_list_deep_free(p->jobs[i].result.rrs);
		p->jobs[i].result.rrs = NULL;
		advance(p, i + 1, rc != 0);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int run_pool(zl_model *m, pool *p, unsigned jobs)
{
	size_t want = jobs < p->n ? jobs : p->n, threads = 0;
	pthread_t *tid = calloc(want ? want : 1, sizeof(*tid));
	int rc;

	/* Fewer threads than asked (or none: then this thread does the
	 * transfers itself) is slower, never wrong. */
	while (tid && threads < want &&
	       pthread_create(&tid[threads], NULL, worker, p) == 0)
		threads++;
	rc = convert_all(m, p, threads);
	advance(p, p->converted, true);
	for (size_t i = 0; i < threads; i++)
		pthread_join(tid[i], NULL);
	for (size_t i = 0; i < p->n; i++)
		ldns_rr_list_deep_free(p->jobs[i].result.rrs);
	free(tid);
	return rc;
}

zl_status zl_live_load(zl_model *m, const zl_live_options *o)
{
	pool p = { .timeout = o->timeout ? o->timeout : ZL_LIVE_DEFAULT_TIMEOUT };
	unsigned jobs = o->jobs ? o->jobs : ZL_LIVE_DEFAULT_JOBS;
	int rc;

	if (make_jobs(m, &p.jobs, &p.n) != 0)
		return ZL_ENOMEM;
	p.window = (size_t)jobs + 1;
	p.max_records = (o->max_records ? o->max_records : ZL_DEFAULT_MAX_RECORDS) / p.window;
	if (p.max_records == 0)
		p.max_records = 1;
	if (pthread_mutex_init(&p.lock, NULL) != 0) {
		free(p.jobs);
		return ZL_ENOMEM;
	}
	if (pthread_cond_init(&p.cond, NULL) != 0) {
		pthread_mutex_destroy(&p.lock);
		free(p.jobs);
		return ZL_ENOMEM;
	}
	rc = run_pool(m, &p, jobs);
	pthread_cond_destroy(&p.cond);
	pthread_mutex_destroy(&p.lock);
	free(p.jobs);
	return rc == 0 ? ZL_OK : ZL_ENOMEM;
}
