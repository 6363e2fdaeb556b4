/*
 * dc-locator-records: the rest of a DC's locator records (MS-ADTS
 * 6.3.2.3: the per-site SRV records, _kpasswd, _udp, pdc, the domain GUID
 * record, gc._msdcs and the same-as-parent A records, and the application
 * partitions' records Netlogon adds on a DNS server).  Clients of a site
 * ask the per-site names first; a DC missing there is not found by them.
 *
 * Cost: the owner names are expanded once per (row, domain, site), each a
 * "slot" listing the DCs that need it; each distinct copy (views read
 * from byte-identical files share their records) then walks each slot's
 * RRset once, marking the DCs it names in an array indexed by server, so
 * no RRset is walked once per DC, nor once per view: a view only asks
 * which of its servers holds the slots its copy lacks.
 */
#include "lib/hash.h"
#include "lib/locator.h"

typedef struct slot {
	const ad_locator *loc;
	char *owner;              /* expanded owner text */
	const zl_name *name;      /* interned owner; NULL: no record anywhere */
	const zl_name *anchor;    /* owner or its closest interned ancestor */
	uint32_t *dcs;            /* servers (model order) that need it */
	size_t n, cap;
} slot;

/* DCs whose data leaves part of their records unchecked, per domain. */
typedef struct gap {
	const char *reason;
	const zl_name *anchor;    /* a name the view must hold to count them */
	size_t count;
} gap;

/* The DCs a distinct copy lacks in one slot, dcs[from..to) of its copy,
 * and whether its records put the slot's anchor below a zone cut
 * (ad_view_cut): the forest root's copies lack every child domain's
 * records, held in the child's zone, so a view asks once a slot. */
typedef struct lack {
	uint32_t slot;
	bool cut;
	size_t from, to;
} lack;

/* What one distinct copy lacks, in slot order, DCs in slot order. */
typedef struct copy {
	lack *v;
	size_t n, cap;
	uint32_t *dcs;
	size_t ndcs, dcs_cap;
	bool done;
} copy;

typedef struct missing {
	uint32_t dc;
	uint32_t row;             /* the slot's row in the table: report order */
	uint32_t slot;
	const zl_server *on;      /* the view's server that holds the name */
} missing;

typedef struct state {
	const zl_model *m;
	zl_report *r;
	slot *slots;
	size_t nslots, slots_cap;
	ad_map by_owner;          /* owner text hash -> slot */
	ad_map server_index;      /* server name -> index */
	ad_addr_index addrs;
	gap gaps[64];
	size_t ngaps;
	uint32_t *seen;           /* per server: the mark of the last walk */
	uint32_t mark;
	missing *miss;
	size_t nmiss, miss_cap;
	copy *copies;             /* by zl_view_records_index */
	bool oom;
} state;

static const char *const reason_site =
	"no site in the inventory: the DC's _sites records are not checked";
static const char *const reason_guid =
	"no guid of the DC's domain: _ldap._tcp.<domainguid>.domains._msdcs is not checked";
static const char *const reason_addr =
	"no address in the inventory: the DC's locator A records are not checked";

static bool grow(void **v, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return true;
	size_t c = *cap ? *cap * 2 : 16;
	while (c < need)
		c *= 2;
	void *p = realloc(*v, c * size);
	if (!p)
		return false;
	*v = p;
	*cap = c;
	return true;
}

/* The slot of `owner` for row l, made when new. */
static slot *slot_for(state *st, const ad_locator *l, const char *owner)
{
	uint64_t key = rl_fnv1a_key(owner, strlen(owner));
	uint32_t i;

	if (ad_map_get(&st->by_owner, key, &i) && strcmp(st->slots[i].owner, owner) == 0)
		return &st->slots[i];
	if (!grow((void **)&st->slots, &st->slots_cap, st->nslots + 1, sizeof(slot)))
		return NULL;
	slot *s = &st->slots[st->nslots];
	*s = (slot){ .loc = l, .owner = strdup(owner) };
	if (!s->owner)
		return NULL;
	s->name = zl_model_name(st->m, owner);
	s->anchor = ad_name_or_ancestor(st->m, owner);
	ad_map_put(&st->by_owner, key, (uint32_t)st->nslots);
	st->nslots++;
	return s;
}

static void add_gap(state *st, const char *reason, const char *anchor_text)
{
	const zl_name *anchor = ad_name_or_ancestor(st->m, anchor_text);

	for (size_t i = 0; i < st->ngaps; i++)
		if (st->gaps[i].reason == reason && st->gaps[i].anchor == anchor) {
			st->gaps[i].count++;
			return;
		}
	if (st->ngaps < sizeof(st->gaps) / sizeof(st->gaps[0]))
		st->gaps[st->ngaps++] = (gap){ reason, anchor, 1 };
}

static const char *domain_guid(const zl_model *m, const zl_name *domain)
{
	for (size_t i = 0; i < zl_model_domain_count(m); i++)
		if (zl_model_domain(m, i) == domain)
			return zl_model_domain_guid(m, i);
	return NULL;
}

/* The slots DC i needs, and what it leaves unchecked. */
static void plan_dc(state *st, uint32_t i)
{
	const zl_server *dc = zl_model_server(st->m, i);
	const zl_name *domain = zl_server_domain(dc);
	ad_loc_args a = { NULL, zl_name_text(zl_model_forest(st->m)),
	                  zl_server_site(dc), NULL };
	bool no_site = false, no_guid = false, no_addr = false;
	char owner[AD_NAME_MAX];

	if (!domain || !ad_is_dc(dc))
		return;
	a.domain = zl_name_text(domain);
	a.guid = domain_guid(st->m, domain);
	for (size_t k = 0; k < AD_LOCATOR_COUNT; k++) {
		const ad_locator *l = &ad_locators[k];
		if (l->checked_by != AD_LOC_LOC || !ad_loc_applies(l, zl_server_roles(dc)))
			continue;
		if (l->type == ZL_TYPE_A && zl_server_address_count(dc) == 0) {
			no_addr = true;
			continue;
		}
		if (!ad_loc_expand(l, &a, owner, sizeof(owner))) {
			no_site |= !a.site && ad_loc_has(l, "<site>");
			no_guid |= !a.guid && ad_loc_has(l, "<domainguid>");
			continue;
		}
		slot *s = slot_for(st, l, owner);
		if (!s || !grow((void **)&s->dcs, &s->cap, s->n + 1, sizeof(uint32_t))) {
			st->oom = true;
			return;
		}
		s->dcs[s->n++] = i;
	}
	snprintf(owner, sizeof(owner), "_sites.%s", a.domain);
	if (no_site)
		add_gap(st, reason_site, owner);
	snprintf(owner, sizeof(owner), "domains._msdcs.%s", a.forest);
	if (no_guid)
		add_gap(st, reason_guid, owner);
	if (no_addr)
		add_gap(st, reason_addr, a.domain);
}

static void mark_server(void *ctx, uint32_t server)
{
	state *st = ctx;

	st->seen[server] = st->mark;
}

/* Marks every DC the slot's RRset in v names: SRV targets, A/AAAA
 * addresses. */
static void mark_slot(state *st, const zl_view *v, const slot *s)
{
	zl_iter it;

	st->mark++;
	if (!s->name)
		return;
	for (const zl_record *r = zl_view_find(v, s->name, 0, &it); r; r = zl_iter_next(&it)) {
		uint16_t t = zl_record_type(r);
		uint32_t i;
		zl_addr a;
		if (s->loc->type == ZL_TYPE_SRV && t == ZL_TYPE_SRV) {
			if (ad_map_get(&st->server_index, ad_ptr_key(zl_record_target(r)), &i))
				st->seen[i] = st->mark;
		} else if (s->loc->type == ZL_TYPE_A && (t == ZL_TYPE_A || t == ZL_TYPE_AAAA) &&
		           zl_record_addr(r, &a)) {
			ad_addr_index_each(&st->addrs, st->m, &a, mark_server, st);
		}
	}
}

static void note_missing(state *st, uint32_t dc, uint32_t slot_index, const zl_server *on)
{
	if (!grow((void **)&st->miss, &st->miss_cap, st->nmiss + 1, sizeof(missing))) {
		st->oom = true;
		return;
	}
	st->miss[st->nmiss++] = (missing){ dc, (uint32_t)(st->slots[slot_index].loc - ad_locators),
	                                   slot_index, on };
}

static int missing_cmp(const void *a, const void *b)
{
	const missing *x = a, *y = b;

	if (x->dc != y->dc)
		return x->dc < y->dc ? -1 : 1;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->slot < y->slot ? -1 : x->slot > y->slot;
}

/* One finding for DC miss[0].dc in view v, naming its n missing records. */
static void report(state *st, const zl_view *v, const missing *miss, size_t n)
{
	const zl_server *dc = zl_model_server(st->m, miss[0].dc);
	const char *name = zl_name_text(zl_server_name(dc));
	const char *on = zl_name_text(zl_server_name(miss[0].on));
	const zl_zone *z = zl_view_zone(v);
	char list[4096], data[4096 + AD_NAME_MAX + 8], bare[AD_NAME_MAX];
	size_t used = 0;

	list[0] = '\0';
	for (size_t i = 0; i < n && used < sizeof(list); i++) {
		const slot *s = &st->slots[miss[i].slot];
		int k = snprintf(list + used, sizeof(list) - used, "%s%s %s", i ? ", " : "",
		                 s->loc->type == ZL_TYPE_SRV ? "SRV" : "A", s->owner);
		used += k > 0 ? (size_t)k : 0;
	}
	zl_finding *f = zl_report_add(st->r, zl_view_soa_location(v),
		"%s lacks %zu locator record%s in zone %s on %s: %s", name, n,
		n == 1 ? "" : "s", zl_name_text(zl_zone_name(z)), on, list);
	zl_finding_zone(f, zl_zone_name(z));
	zl_finding_server(f, zl_server_name(dc));
	snprintf(data, sizeof(data), "%s on %s", list, on);
	zl_finding_data(f, data);
	zl_finding_note(f, "clients and DCs find %s by these names (MS-ADTS 6.3.2.3); "
	                "its Netlogon service registers them", name);
	zl_finding_fix(f, "have Netlogon on %s register its records again (and find why "
	               "it did not: dynamic updates refused, DNS client settings)", name);
	/* Runs against the DC itself, whichever copy lacks the records. */
	zl_finding_command_on(f, zl_server_name(dc), ZL_TOOL_OTHER, ZL_COMMAND_OTHER,
	                      "nltest /server:%s /dsregdns", ad_bare(name, bare, sizeof(bare)));
}

static void report_view(state *st, const zl_view *v)
{
	if (st->nmiss > 1)
		qsort(st->miss, st->nmiss, sizeof(missing), missing_cmp);
	for (size_t i = 0, j; i < st->nmiss; i = j) {
		for (j = i + 1; j < st->nmiss && st->miss[j].dc == st->miss[i].dc; j++)
			;
		report(st, v, &st->miss[i], j - i);
	}
}

/* The DCs slot i lacks in v's records, appended to c. */
static bool lacks_in_slot(state *st, const zl_view *v, copy *c, uint32_t i)
{
	const slot *s = &st->slots[i];
	size_t before = c->ndcs;

	mark_slot(st, v, s);
	for (size_t k = 0; k < s->n; k++) {
		if (st->seen[s->dcs[k]] == st->mark)
			continue;
		if (!grow((void **)&c->dcs, &c->dcs_cap, c->ndcs + 1, sizeof(uint32_t)))
			return false;
		c->dcs[c->ndcs++] = s->dcs[k];
	}
	if (c->ndcs == before)
		return true;
	if (!grow((void **)&c->v, &c->cap, c->n + 1, sizeof(lack)))
		return false;
	/* Only where something lacks: it walks the RRsets again. */
	c->v[c->n++] = (lack){ i, ad_view_cut(v, s->anchor), before, c->ndcs };
	return true;
}

/* What v's records lack, worked out once for all views sharing them. */
static const copy *copy_of(state *st, const zl_view *v)
{
	copy *c = &st->copies[zl_view_records_index(v)];
	const zl_name *zone = zl_zone_name(zl_view_zone(v));

	if (c->done)
		return c;
	c->done = true;
	for (size_t i = 0; i < st->nslots; i++)
		if (zl_name_is_below(st->slots[i].anchor, zone) &&
		    !lacks_in_slot(st, v, c, (uint32_t)i)) {
			st->oom = true;
			return NULL;
		}
	return c;
}

static void check_view(state *st, const zl_view *v)
{
	const copy *c = copy_of(st, v);
	const zl_name *zone = zl_zone_name(zl_view_zone(v));

	if (!c)
		return;
	st->nmiss = 0;
	for (size_t i = 0; i < c->n; i++) {
		const lack *l = &c->v[i];
		const zl_server *on = ad_view_holder_cut(st->m, v, st->slots[l->slot].anchor,
		                                         l->cut);
		for (size_t k = l->from; on && k < l->to; k++)
			note_missing(st, c->dcs[k], l->slot, on);
	}
	report_view(st, v);
	for (size_t i = 0; i < st->ngaps; i++)
		if (zl_name_is_below(st->gaps[i].anchor, zone) &&
		    ad_view_holder(st->m, v, st->gaps[i].anchor))
			zl_report_not_checked(st->r, st->gaps[i].reason, st->gaps[i].count);
}

static void state_free(state *st)
{
	for (size_t i = 0; i < st->nslots; i++) {
		free(st->slots[i].owner);
		free(st->slots[i].dcs);
	}
	free(st->slots);
	ad_map_free(&st->by_owner);
	ad_map_free(&st->server_index);
	ad_addr_index_free(&st->addrs);
	free(st->seen);
	free(st->miss);
	for (size_t i = 0; st->copies && i < zl_model_view_count(st->m); i++) {
		free(st->copies[i].v);
		free(st->copies[i].dcs);
	}
	free(st->copies);
}

static int check(const zl_model *m, zl_report *r)
{
	const zl_name *forest = zl_model_forest(m);
	size_t n = zl_model_server_count(m);
	state st = { .m = m, .r = r };
	int rc = 0;

	if (!forest || zl_name_labels(forest) == 0)
		return 0;
	st.seen = calloc(n + 1, sizeof(*st.seen));
	st.copies = calloc(zl_model_view_count(m) + 1, sizeof(*st.copies));
	if (!st.seen || !st.copies || !ad_map_init(&st.by_owner, n * AD_LOCATOR_COUNT) ||
	    !ad_server_index_init(&st.server_index, m) || !ad_addr_index_init(&st.addrs, m))
		st.oom = true;
	for (uint32_t i = 0; i < n && !st.oom; i++)
		plan_dc(&st, i);
	for (size_t i = 0; i < zl_model_view_count(m) && !st.oom; i++)
		check_view(&st, zl_model_view(m, i));
	if (st.oom)
		rc = -1;
	state_free(&st);
	return rc;
}

const zl_rule zl_rule_dc_locator_records = {
	.id = "dc-locator-records",
	.pack = "ad",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "a DC lacks a locator record of MS-ADTS 6.3.2.3 (per-site SRV, _kpasswd, "
	           "_udp, pdc, domain GUID, gc and partition A records) in a DNS server's copy",
	.explanation =
	"Besides the records dc-srv-records checks, each DC's Netlogon service\n"
	"registers the per-site SRV records by which a client finds a DC of its own\n"
	"site, the Kerberos password and UDP records, the PDC and domain-GUID\n"
	"records, the same-as-parent and gc._msdcs A records, and on a DNS server\n"
	"the application partitions' records (MS-ADTS 6.3.2.3).  A copy of the zone\n"
	"without them sends clients of that site to other sites, or nowhere.\n"
	"zonelint checks, in every DNS server's copy of the zone that holds each\n"
	"name, once per copy, that the DC has each record its roles need; one\n"
	"finding per (DC, copy), on the copy's SOA line, naming every missing\n"
	"record that copy holds; `server` is the DC.  SRV records must target the\n"
	"DC's name (ports are not compared); an A requirement holds when one\n"
	"record at the name holds one of the DC's addresses.  <site> needs the\n"
	"DC's `site`, <domainguid> the domain's `guid`; what is not known is not\n"
	"checked and says so in summary.not_checked.\n"
	"\n"
	"The records, for DC X of domain <domain> in forest <forest> (A stands for\n"
	"A or AAAA; a read-only DC, role rodc, registers only the <site> SRV\n"
	"records and the A records):\n"
	AD_LOCATOR_TEXT
	"\n"
	"Example:\n"
	"  zones/emea.example.com.dns:6:1: warning: dc5.emea.example.com. lacks 2\n"
	"  locator records in zone emea.example.com. on dc4.emea.example.com.:\n"
	"  SRV _ldap._tcp.paris._sites.emea.example.com., SRV\n"
	"  _kerberos._tcp.paris._sites.emea.example.com. [dc-locator-records]\n"
	"\n"
	"Fix: find why Netlogon did not register them (dynamic updates refused,\n"
	"the DC's DNS client settings), then have it register them again:\n"
	"  nltest /server:dc5.emea.example.com /dsregdns",
	.check = check,
};
