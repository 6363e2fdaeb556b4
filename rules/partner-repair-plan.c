/*
 * partner-repair-plan: KB 914050 (DNS event 6702), repair step 6.  Not every
 * replication partner of a server needs its records fixed by hand: it is
 * enough to fix them on partners from which AD replication carries them to
 * every other affected partner.  Replication from the server itself cannot
 * help (its partners cannot reach it), so paths avoid it.  Choosing the
 * fewest partners is set cover; the greedy choice (most affected partners
 * reached first, ties by name) is within a log factor and deterministic.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "lib/ad.h"
#include "lib/map.h"

/* A growing string, for lists of server names of any length. */
typedef struct text {
	char *s;
	size_t len, cap;
	bool oom;
} text;

static void text_add(text *t, const char *fmt, ...) ZL_PRINTF(2, 3);

static void text_add(text *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || t->oom)
		return;
	if (t->len + (size_t)n + 1 > t->cap) {
		size_t cap = (t->len + (size_t)n + 1) * 2;
		char *s = realloc(t->s, cap);
		if (!s) {
			t->oom = true;
			return;
		}
		t->s = s;
		t->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

/* Candidates: S's DNS-running partners whose copy is checked. */
typedef struct plan {
	const zl_server *subject;
	size_t n;                 /* candidates */
	ad_pair *pair;            /* [n] */
	bool *reach;              /* [n * n]: reach[c * n + a], a broken */
	bool *covered;            /* [n] */
	bool *chosen;             /* [n] */
	size_t *order;            /* [n]: chosen candidates, in choice order */
	size_t nchosen;
	const ad_map *index;      /* server name -> index in the model's list */
} plan;

/* Index of s in the model's server list: a hash lookup, for the walks
 * below visit every server of a forest of thousands more than once. */
static size_t server_index(const plan *pl, const zl_server *s)
{
	uint32_t i;

	return ad_map_get(pl->index, ad_ptr_key(zl_server_name(s)), &i) ? i : 0;
}

/*
 * Marks in pl->reach which broken candidates replication carries data to
 * from candidate c (c itself included), never through the subject: a
 * breadth-first walk along outbound connections.  `seen` and `queue` have
 * one slot per server; `stamp` tells this walk's marks from older ones.
 */
static void walk(plan *pl, size_t c, unsigned *seen,
                 unsigned stamp, const zl_server **queue, const size_t *slot)
{
	size_t head = 0, tail = 0, left = 0;

	for (size_t k = 0; k < pl->n; k++)
		left += ad_pair_broken(&pl->pair[k]);
	queue[tail++] = pl->pair[c].holder;
	seen[server_index(pl, pl->pair[c].holder)] = stamp;
	seen[server_index(pl, pl->subject)] = stamp;
	/* Once every broken candidate is reached the rest of the forest does
	 * not matter: stop there, not after the whole graph of thousands. */
	while (head < tail && left) {
		const zl_server *x = queue[head++];
		size_t xi = server_index(pl, x);
		if (slot[xi] < pl->n && ad_pair_broken(&pl->pair[slot[xi]])) {
			pl->reach[c * pl->n + slot[xi]] = true;
			left--;
		}
		for (size_t i = 0; i < zl_server_outbound_count(x); i++) {
			const zl_server *y = zl_server_outbound(x, i);
			size_t yi = server_index(pl, y);
			if (seen[yi] != stamp) {
				seen[yi] = stamp;
				queue[tail++] = y;
			}
		}
	}
}

/* Greedy set cover: the candidate reaching most uncovered broken ones,
 * the first by name on a tie (candidates are in name order). */
static void choose(plan *pl)
{
	for (;;) {
		size_t best = pl->n, best_gain = 0;
		for (size_t c = 0; c < pl->n; c++) {
			size_t gain = 0;
			for (size_t a = 0; a < pl->n; a++)
				gain += pl->reach[c * pl->n + a] && !pl->covered[a];
			if (gain > best_gain) {
				best = c;
				best_gain = gain;
			}
		}
		if (best == pl->n)
			return;
		pl->chosen[best] = true;
		pl->order[pl->nchosen++] = best;
		for (size_t a = 0; a < pl->n; a++)
			pl->covered[a] |= pl->reach[best * pl->n + a];
	}
}

/* True when no candidate but a itself reaches broken candidate a. */
static bool only_itself(const plan *pl, size_t a)
{
	for (size_t c = 0; c < pl->n; c++)
		if (c != a && pl->reach[c * pl->n + a])
			return false;
	return true;
}

static const char *name_of(const plan *pl, size_t c)
{
	return zl_name_text(zl_server_name(pl->pair[c].holder));
}

/* "a", "a and b", "a, b and c": the candidates idx[0..count). */
static void text_list(text *t, const plan *pl, const size_t *idx, size_t count)
{
	for (size_t i = 0; i < count; i++)
		text_add(t, "%s%s", i == 0 ? "" : i + 1 == count ? " and " : ", ",
		         name_of(pl, idx[i]));
}

static void report(zl_report *r, const plan *pl, size_t *tmp)
{
	const char *s = zl_name_text(zl_server_name(pl->subject));
	text msg = { 0 }, data = { 0 };
	size_t nreached = 0, nown = 0, nbroken = 0;

	for (size_t a = 0; a < pl->n; a++) {
		nbroken += ad_pair_broken(&pl->pair[a]);
		if (ad_pair_broken(&pl->pair[a]) && !pl->chosen[a])
			tmp[nreached++] = a;
	}
	text_add(&msg, "repair the host records of %s on ", s);
	text_list(&msg, pl, pl->order, pl->nchosen);
	if (nreached) {
		text_add(&msg, ": replication then carries them to ");
		text_list(&msg, pl, tmp, nreached);
	} else if (nbroken == 1) {
		text_add(&msg, ", its only affected replication partner");
	}
	for (size_t i = 0; i < pl->nchosen && pl->nchosen > 1; i++)
		if (ad_pair_broken(&pl->pair[pl->order[i]]) && only_itself(pl, pl->order[i]))
			tmp[nreached + nown++] = pl->order[i];
	if (nown) {
		text_add(&msg, "; no other partner reaches ");
		text_list(&msg, pl, tmp + nreached, nown);
		text_add(&msg, " except through %s, so %s its own fix", s,
		         nown == 1 ? "it needs" : "each needs");
	}
	text_list(&data, pl, pl->order, pl->nchosen);
	if (msg.oom || data.oom) {
		free(msg.s);
		free(data.s);
		return;
	}
	zl_finding *f = zl_report_add(r, zl_server_location(pl->subject), "%s", msg.s);
	zl_finding_server(f, zl_server_name(pl->subject));
	zl_finding_data(f, data.s);
	const zl_zone *zone = pl->pair[pl->order[0]].zone;
	for (size_t a = 0; a < pl->n; a++)
		if (ad_pair_broken(&pl->pair[a]) && pl->pair[a].zone != zone)
			zone = NULL;
	zl_finding_zone(f, zone ? zl_zone_name(zone) : NULL);
	for (size_t i = 0; i < pl->nchosen; i++) {
		const ad_pair *pr = &pl->pair[pl->order[i]];
		if (!ad_pair_broken(pr))
			zl_finding_note(f, "%s already holds the right records for %s",
			                name_of(pl, pl->order[i]), s);
	}
	zl_finding_fix(f, "run the commands below on the partners named: they delete "
	               "the host records of %s that are not its addresses and add one "
	               "each partner can reach; AD replication carries them to the "
	               "rest (KB 914050, step 6)", s);
	for (size_t i = 0; i < pl->nchosen; i++) {
		zl_finding_partner(f, zl_server_name(pl->pair[pl->order[i]].holder));
		ad_pair_commands(f, &pl->pair[pl->order[i]]);
	}
	free(msg.s);
	free(data.s);
}

/* Work space for one run, sized by the model; freed by plan_free. */
typedef struct space {
	ad_map index;             /* server name -> index */
	unsigned *seen;
	size_t *slot;             /* server index -> candidate, n when none */
	const zl_server **queue;
	size_t *tmp;
	unsigned stamp;
} space;

static void plan_free(plan *pl)
{
	free(pl->pair);
	free(pl->reach);
	free(pl->covered);
	free(pl->chosen);
	free(pl->order);
}

/* Plans for S; -1 when out of memory. */
static int plan_server(const zl_model *m, zl_report *r, const zl_server *s, space *sp)
{
	size_t deg = zl_server_partner_count(s);
	plan pl = { .subject = s, .index = &sp->index };
	bool broken = false;

	pl.pair = calloc(deg ? deg : 1, sizeof(*pl.pair));
	if (!pl.pair)
		return -1;
	for (size_t j = 0; j < deg; j++) {
		const zl_server *p = zl_server_partner(s, j);
		if ((zl_server_roles(p) & ZL_ROLE_DNS) && ad_pair_load(m, s, p, &pl.pair[pl.n])) {
			broken |= ad_pair_broken(&pl.pair[pl.n]);
			pl.n++;
		}
	}
	if (!broken) {
		plan_free(&pl);
		return 0;
	}
	pl.reach = calloc(pl.n * pl.n, sizeof(*pl.reach));
	pl.covered = calloc(pl.n, sizeof(*pl.covered));
	pl.chosen = calloc(pl.n, sizeof(*pl.chosen));
	pl.order = calloc(pl.n, sizeof(*pl.order));
	if (!pl.reach || !pl.covered || !pl.chosen || !pl.order) {
		plan_free(&pl);
		return -1;
	}
	for (size_t c = 0; c < pl.n; c++)
		sp->slot[server_index(&pl, pl.pair[c].holder)] = c;
	for (size_t c = 0; c < pl.n; c++)
		walk(&pl, c, sp->seen, ++sp->stamp, sp->queue, sp->slot);
	for (size_t c = 0; c < pl.n; c++)
		sp->slot[server_index(&pl, pl.pair[c].holder)] = SIZE_MAX;
	choose(&pl);
	report(r, &pl, sp->tmp);
	plan_free(&pl);
	return 0;
}

static int check(const zl_model *m, zl_report *r)
{
	size_t n = zl_model_server_count(m);
	space sp = {
		.seen = calloc(n + 1, sizeof(*sp.seen)),
		.slot = malloc((n + 1) * sizeof(*sp.slot)),
		.queue = malloc((n + 1) * sizeof(*sp.queue)),
		.tmp = malloc((n + 1) * sizeof(*sp.tmp)),
	};
	int rc = sp.seen && sp.slot && sp.queue && sp.tmp &&
	         ad_server_index_init(&sp.index, m) ? 0 : -1;

	for (size_t i = 0; sp.slot && i <= n; i++)
		sp.slot[i] = SIZE_MAX;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = plan_server(m, r, zl_model_server(m, i), &sp);
	free(sp.seen);
	free(sp.slot);
	free(sp.queue);
	free(sp.tmp);
	ad_map_free(&sp.index);
	return rc;
}

const zl_rule zl_rule_partner_repair_plan = {
	.id = "partner-repair-plan",
	.pack = "ad",
	.severity = ZL_SEVERITY_INFO,
	.summary = "per server with partner findings: the fewest partners to fix so "
	           "that replication carries its records to every affected partner",
	.explanation =
	"KB 914050 (DNS event 6702), repair step 6: the host records of a server\n"
	"need not be fixed by hand on every replication partner, only on enough of\n"
	"them that AD replication carries the fix to every partner that has a\n"
	"partner-stale-address, partner-missing-address or\n"
	"partner-no-same-network-address finding about it.  Replication runs from\n"
	"X to Y when Y replicates from X, and may pass through any server but the\n"
	"one whose records are wrong (its partners cannot reach it).  Candidates\n"
	"are all of its DNS-running partners whose copy is checked; zonelint picks\n"
	"the one that reaches the most affected partners first, ties by name, until\n"
	"all are reached.  A partner that no other one reaches except through the\n"
	"server is named as needing its own fix.  The finding is at the server's\n"
	"inventory entry, with the commands to run on the partners chosen.\n"
	"\n"
	"Example:\n"
	"  forest.yaml:40:5: info: repair the host records of dc03.corp.example.net.\n"
	"  on dc01.corp.example.net.: replication then carries them to\n"
	"  dc02.corp.example.net. and dc04.corp.example.net. [partner-repair-plan]\n"
	"\n"
	"Fix: run the commands listed on the partners named; check after the next\n"
	"replication (repadmin /syncall) that the other partner findings are gone.",
	.check = check,
	.tags = ZL_TAG_6702,
	.tag_order = 7,
};
