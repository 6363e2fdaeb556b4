/*
 * dc-orphan-records: locator records of a DC that is gone.  A DC demoted
 * by force, or lost without metadata cleanup, leaves its SRV records, its
 * <DSA GUID>._msdcs CNAME and its same-as-parent and partition A records
 * behind (KB 216498 removes the directory objects, not these): clients
 * and replication partners keep trying a host that is no DC.
 *
 * A locator SRV owner is recognised by the table of rules/lib/locator.h,
 * <site> and <domainguid> matching any label.  The owners worth looking
 * at are found, and their RRsets checked, once per distinct record
 * storage (views sharing a file share their records); each view then
 * only asks which of its servers holds the names of the records found.
 */
#include "lib/hash.h"
#include "lib/locator.h"
#include "lib/relations.h"

typedef struct pattern {
	const char *prefix;       /* labels before the wildcard, dot included */
	size_t prefix_len;
	unsigned prefix_labels;
	const zl_name *suffix;    /* after the wildcard label */
} pattern;

enum { KIND_SRV = 1, KIND_CNAME = 2 };

typedef struct candidate {
	const zl_name *owner;
	int kind;
} candidate;

/* What a storage holds that a view reports, in report order: a record
 * (SRV, CNAME or address), or a count of records not checked. */
enum { ITEM_SRV, ITEM_CNAME, ITEM_ADDR, ITEM_NO_GUID, ITEM_NO_ADDR };

typedef struct item {
	const zl_name *owner;     /* whose holder reports it */
	const zl_record *rec;
	zl_addr a;                /* ITEM_ADDR */
	size_t count;             /* ITEM_NO_GUID, ITEM_NO_ADDR */
	int what;
	bool cut;                 /* ad_view_cut(owner) in the storage */
} item;

/* The items of one record storage. */
typedef struct memo {
	item *v;
	size_t n, cap;
	bool done;
} memo;

typedef struct state {
	const zl_model *m;
	zl_report *r;
	ad_map fixed;             /* SRV owners without wildcard */
	pattern pats[256];
	char texts[256][AD_NAME_MAX];
	size_t npats;
	const zl_name *addr_names[256];   /* A owners: <domain>, gc._msdcs... */
	size_t naddr;
	const zl_name *msdcs;     /* _msdcs.<forest> */
	ad_map guids;             /* DSA GUID text -> server */
	ad_addr_index addrs;
	bool all_guids, all_addrs;
	memo *memos;              /* by zl_view_records_index */
	bool oom;
} state;

/* Row l, for `domain`, as a fixed owner or a wildcard pattern. */
static void compile(state *st, const ad_locator *l, const char *domain)
{
	ad_loc_args a = { domain, zl_name_text(zl_model_forest(st->m)), "*", "*" };
	char owner[AD_NAME_MAX];

	if (!ad_loc_expand(l, &a, owner, sizeof(owner)))
		return;
	char *star = strchr(owner, '*');
	if (!star) {
		const zl_name *n = zl_model_name(st->m, owner);
		if (n)
			ad_map_put(&st->fixed, ad_ptr_key(n), 1);
		return;
	}
	const zl_name *suffix = zl_model_name(st->m, star + 2);
	if (!suffix || st->npats >= sizeof(st->pats) / sizeof(st->pats[0]))
		return;
	pattern *p = &st->pats[st->npats];
	snprintf(st->texts[st->npats], AD_NAME_MAX, "%.*s", (int)(star - owner), owner);
	p->prefix = st->texts[st->npats];
	p->prefix_len = strlen(p->prefix);
	p->prefix_labels = 0;
	for (const char *c = p->prefix; *c; c++)
		p->prefix_labels += *c == '.';
	p->suffix = suffix;
	st->npats++;
}

static void add_addr_name(state *st, const char *text)
{
	const zl_name *n = zl_model_name(st->m, text);

	for (size_t i = 0; n && i < st->naddr; i++)
		if (st->addr_names[i] == n)
			return;
	if (n && st->naddr < sizeof(st->addr_names) / sizeof(st->addr_names[0]))
		st->addr_names[st->naddr++] = n;
}

/* Every locator owner of every listed domain. */
static void plan(state *st)
{
	const char *forest = zl_name_text(zl_model_forest(st->m));
	char text[AD_NAME_MAX];

	for (size_t k = 0; k < AD_LOCATOR_COUNT; k++) {
		const ad_locator *l = &ad_locators[k];
		bool per_domain = ad_loc_has(l, "<domain>");
		for (size_t d = 0; d < (per_domain ? zl_model_domain_count(st->m) : 1); d++) {
			const char *domain = per_domain ? zl_name_text(zl_model_domain(st->m, d)) : forest;
			ad_loc_args a = { domain, forest, NULL, NULL };
			if (l->type == ZL_TYPE_SRV)
				compile(st, l, domain);
			else if (ad_loc_expand(l, &a, text, sizeof(text)))
				add_addr_name(st, text);
		}
	}
	snprintf(text, sizeof(text), "_msdcs.%s", forest);
	st->msdcs = zl_model_name(st->m, text);
}

static void plan_dcs(state *st)
{
	size_t n = zl_model_server_count(st->m);

	st->all_guids = st->all_addrs = true;
	for (size_t i = 0; i < n; i++) {
		const zl_server *s = zl_model_server(st->m, i);
		const char *g = zl_server_dsa_guid(s);
		if (!ad_is_dc(s))
			continue;
		if (g)
			ad_map_put(&st->guids, rl_fnv1a_key(g, strlen(g)), (uint32_t)i);
		st->all_guids &= g != NULL;
		st->all_addrs &= zl_server_address_count(s) > 0;
	}
}

static bool is_srv_owner(const state *st, const zl_name *n)
{
	uint32_t one;

	if (ad_map_get(&st->fixed, ad_ptr_key(n), &one))
		return true;
	const char *text = zl_name_text(n);
	unsigned labels = zl_name_labels(n);
	for (size_t i = 0; i < st->npats; i++) {
		const pattern *p = &st->pats[i];
		if (labels != zl_name_labels(p->suffix) + p->prefix_labels + 1 ||
		    strncmp(text, p->prefix, p->prefix_len) != 0)
			continue;
		const zl_name *up = n;
		for (unsigned k = 0; k <= p->prefix_labels; k++)
			up = zl_name_parent(up);
		if (up == p->suffix)
			return true;
	}
	return false;
}

/* The owners of v worth a look, in owner order: *n of them in *out;
 * false when memory runs out. */
static bool candidates(state *st, const zl_view *v, candidate **out, size_t *n)
{
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < zl_view_owner_count(v); i++) {
		const zl_name *o = zl_view_owner(v, i);
		int kind = 0;
		if (zl_name_text(o)[0] == '_' && is_srv_owner(st, o))
			kind = KIND_SRV;
		else if (st->msdcs && zl_name_parent(o) == st->msdcs)
			kind = KIND_CNAME;
		if (!kind)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			candidate *c = realloc(*out, cap * sizeof(*c));
			if (!c) {
				free(*out);
				*out = NULL;
				return false;
			}
			*out = c;
		}
		(*out)[(*n)++] = (candidate){ o, kind };
	}
	return true;
}

/* What the finding is about; the holder is part of the data, so two
 * copies' fingerprints differ. */
static void about(zl_finding *f, const zl_view *v, const zl_record *rec,
                  const zl_server *on, const zl_name *target, const char *rdata)
{
	char data[2 * AD_NAME_MAX];

	zl_finding_zone(f, zl_zone_name(zl_view_zone(v)));
	zl_finding_owner(f, zl_record_owner(rec));
	if (target)
		zl_finding_server(f, target);
	snprintf(data, sizeof(data), "%s on %s", rdata, zl_name_text(zl_server_name(on)));
	zl_finding_data(f, data);
}

static bool is_dc_name(const zl_model *m, const zl_name *n)
{
	const zl_server *s = n ? zl_model_server_find(m, n) : NULL;

	return s && ad_is_dc(s);
}

static void report_srv(state *st, const zl_view *v, const zl_server *on,
                       const zl_record *rec)
{
	const zl_name *t = zl_record_target(rec);
	const zl_zone *z = zl_view_zone(v);
	char target[AD_NAME_MAX], rdata[AD_NAME_MAX + 40];

	ad_bare(zl_name_text(t), target, sizeof(target));
	snprintf(rdata, sizeof(rdata), "%u %u %u %s",
	         zl_record_field_int(rec, ZL_SRV_PRIORITY),
	         zl_record_field_int(rec, ZL_SRV_WEIGHT),
	         zl_record_field_int(rec, ZL_SRV_PORT), target);
	zl_finding *f = zl_report_add(st->r, zl_record_location(v, rec),
		"SRV %s targets %s, which is no DC of the inventory, in zone %s on %s",
		zl_name_text(zl_record_owner(rec)), zl_name_text(t),
		zl_name_text(zl_zone_name(z)), zl_name_text(zl_server_name(on)));
	about(f, v, rec, on, t, rdata);
	/* Deleting the record settles what target-no-address says of it. */
	rel_explains_record(f, v, rec);
	zl_finding_note(f, "clients and DCs that pick this record try a host that is "
	                "not a DC (a DC demoted or lost without metadata cleanup leaves it)");
	zl_finding_fix(f, "delete the record on %s", zl_name_text(zl_server_name(on)));
	ad_command_delete_srv(f, on, z, zl_name_text(zl_record_owner(rec)), rdata, target);
}

static void report_cname(state *st, const zl_view *v, const zl_server *on,
                         const zl_record *rec)
{
	const zl_name *t = zl_record_target(rec);
	const zl_zone *z = zl_view_zone(v);
	char target[AD_NAME_MAX];

	ad_bare(zl_name_text(t), target, sizeof(target));
	zl_finding *f = zl_report_add(st->r, zl_record_location(v, rec),
		"CNAME %s to %s carries the DSA GUID of no DC of the inventory, in zone %s on %s",
		zl_name_text(zl_record_owner(rec)), zl_name_text(t),
		zl_name_text(zl_zone_name(z)), zl_name_text(zl_server_name(on)));
	about(f, v, rec, on, t, target);
	zl_finding_note(f, "replication partners look DCs up by this alias "
	                "(MS-ADTS 6.3.2.3); no DC has this GUID any more");
	zl_finding_fix(f, "delete the alias on %s", zl_name_text(zl_server_name(on)));
	ad_command_delete(f, on, z, zl_name_text(zl_record_owner(rec)), "CNAME", target);
}

static void report_addr(state *st, const zl_view *v, const zl_server *on,
                        const zl_record *rec, const zl_addr *a)
{
	const zl_zone *z = zl_view_zone(v);
	char ip[ZL_ADDR_TEXT_MAX];

	zl_addr_format(a, ip, sizeof(ip));
	zl_finding *f = zl_report_add(st->r, zl_record_location(v, rec),
		"%s %s %s holds an address of no DC of the inventory, in zone %s on %s",
		ad_addr_type(a), zl_name_text(zl_record_owner(rec)), ip,
		zl_name_text(zl_zone_name(z)), zl_name_text(zl_server_name(on)));
	about(f, v, rec, on, NULL, ip);
	zl_finding_note(f, "clients that resolve %s for a DC reach a host that is not one",
	                zl_name_text(zl_record_owner(rec)));
	zl_finding_fix(f, "delete the record on %s", zl_name_text(zl_server_name(on)));
	ad_command_delete_addr(f, on, z, zl_record_owner(rec), a);
}

static bool guid_is_dc(const state *st, const zl_name *owner)
{
	const char *text = zl_name_text(owner), *dot = strchr(text, '.');
	size_t len = dot ? (size_t)(dot - text) : strlen(text);
	uint32_t i;

	if (!ad_map_get(&st->guids, rl_fnv1a_key(text, len), &i))
		return false;
	const char *g = zl_server_dsa_guid(zl_model_server(st->m, i));
	return strlen(g) == len && strncmp(g, text, len) == 0;
}

static bool push(memo *me, item it)
{
	if (me->n == me->cap) {
		size_t cap = me->cap ? me->cap * 2 : 16;
		item *v = realloc(me->v, cap * sizeof(*v));
		if (!v)
			return false;
		me->v = v;
		me->cap = cap;
	}
	me->v[me->n++] = it;
	return true;
}

/* The records of candidate c in v that a view holding it reports. */
static bool candidate_items(state *st, const zl_view *v, memo *me, const candidate *c)
{
	uint16_t type = c->kind == KIND_SRV ? ZL_TYPE_SRV : ZL_TYPE_CNAME;
	size_t no_guid = 0;
	bool ok = true;
	zl_iter it;

	for (const zl_record *rec = zl_view_find(v, c->owner, type, &it); ok && rec;
	     rec = zl_iter_next(&it)) {
		if (c->kind == KIND_SRV && !is_dc_name(st->m, zl_record_target(rec)))
			ok = push(me, (item){ .owner = c->owner, .rec = rec, .what = ITEM_SRV });
		else if (c->kind == KIND_CNAME && !st->all_guids)
			no_guid++;
		else if (c->kind == KIND_CNAME && !guid_is_dc(st, c->owner))
			ok = push(me, (item){ .owner = c->owner, .rec = rec, .what = ITEM_CNAME });
	}
	if (ok && no_guid)
		ok = push(me, (item){ .owner = c->owner, .count = no_guid, .what = ITEM_NO_GUID });
	return ok;
}

static void is_a_dc(void *ctx, uint32_t server)
{
	void **p = ctx;

	if (ad_is_dc(zl_model_server((const zl_model *)p[0], server)))
		p[1] = p[0];
}

/* The address records at locator name n in v that a view holding it
 * reports. */
static bool addr_items(state *st, const zl_view *v, memo *me, const zl_name *n)
{
	size_t no_addr = 0;
	bool ok = true;
	zl_iter it;

	for (const zl_record *rec = ad_addr_first(v, n, &it); ok && rec; rec = ad_addr_next(&it)) {
		zl_addr a;
		void *found[2] = { (void *)st->m, NULL };
		if (!zl_record_addr(rec, &a))
			continue;
		if (!st->all_addrs) {
			no_addr++;
			continue;
		}
		ad_addr_index_each(&st->addrs, st->m, &a, is_a_dc, found);
		if (!found[1])
			ok = push(me, (item){ .owner = n, .rec = rec, .a = a, .what = ITEM_ADDR });
	}
	if (ok && no_addr)
		ok = push(me, (item){ .owner = n, .count = no_addr, .what = ITEM_NO_ADDR });
	return ok;
}

/* Whether the storage cuts the items' owner off, from item `from` on. */
static void set_cut(const zl_view *v, memo *me, size_t from)
{
	bool cut = me->n > from && ad_view_cut(v, me->v[from].owner);

	for (size_t i = from; i < me->n; i++)
		me->v[i].cut = cut;
}

/* The items of v's records, found once for all views sharing them. */
static const memo *memo_of(state *st, const zl_view *v)
{
	memo *me = &st->memos[zl_view_records_index(v)];
	const zl_name *zone = zl_zone_name(zl_view_zone(v));
	candidate *c;
	size_t nc;

	if (me->done)
		return me;
	me->done = true;
	bool ok = candidates(st, v, &c, &nc);
	for (size_t i = 0; ok && i < nc; i++) {
		size_t from = me->n;
		ok = candidate_items(st, v, me, &c[i]);
		set_cut(v, me, from);
	}
	free(c);
	for (size_t i = 0; ok && i < st->naddr; i++) {
		size_t from = me->n;
		if (!zl_name_is_below(st->addr_names[i], zone))
			continue;
		ok = addr_items(st, v, me, st->addr_names[i]);
		set_cut(v, me, from);
	}
	if (!ok)
		st->oom = true;
	return ok ? me : NULL;
}

static void report_item(state *st, const zl_view *v, const zl_server *on, const item *it)
{
	switch (it->what) {
	case ITEM_SRV:
		report_srv(st, v, on, it->rec);
		break;
	case ITEM_CNAME:
		report_cname(st, v, on, it->rec);
		break;
	case ITEM_ADDR:
		report_addr(st, v, on, it->rec, &it->a);
		break;
	case ITEM_NO_GUID:
		zl_report_not_checked(st->r, "a DC has no dsa_guid: GUID aliases "
		                      "are not checked", it->count);
		break;
	default:
		zl_report_not_checked(st->r, "a DC has no address: locator A "
		                      "records are not checked", it->count);
	}
}

static void check_view(state *st, const zl_view *v)
{
	const memo *me = memo_of(st, v);
	const zl_server *on = NULL;

	for (size_t i = 0; me && i < me->n; i++) {
		const item *it = &me->v[i];
		if (i == 0 || it->owner != me->v[i - 1].owner || it->cut != me->v[i - 1].cut)
			on = ad_view_holder_cut(st->m, v, it->owner, it->cut);
		if (on)
			report_item(st, v, on, it);
	}
}

static void state_free(state *st)
{
	ad_map_free(&st->fixed);
	ad_map_free(&st->guids);
	ad_addr_index_free(&st->addrs);
	for (size_t i = 0; st->memos && i < zl_model_view_count(st->m); i++)
		free(st->memos[i].v);
	free(st->memos);
}

static int check(const zl_model *m, zl_report *r)
{
	const zl_name *forest = zl_model_forest(m);
	state st = { .m = m, .r = r };
	int rc = 0;

	if (!forest || zl_name_labels(forest) == 0)
		return 0;
	if (zl_model_partial(m)) {
		/* SPEC 6.3: an unknown host may be a DC the inventory does not list. */
		zl_report_not_checked(r, "partial: true: the inventory does not list "
		                      "every DC", zl_model_view_count(m));
		return 0;
	}
	if (!ad_map_init(&st.fixed, AD_LOCATOR_COUNT * (zl_model_domain_count(m) + 1)) ||
	    !ad_map_init(&st.guids, zl_model_server_count(m)) ||
	    !ad_addr_index_init(&st.addrs, m) ||
	    !(st.memos = calloc(zl_model_view_count(m) + 1, sizeof(*st.memos))))
		st.oom = true;
	if (!st.oom) {
		plan(&st);
		plan_dcs(&st);
	}
	for (size_t i = 0; i < zl_model_view_count(m) && !st.oom; i++)
		check_view(&st, zl_model_view(m, i));
	if (st.oom)
		rc = -1;
	state_free(&st);
	return rc;
}

const zl_rule zl_rule_dc_orphan_records = {
	.id = "dc-orphan-records",
	.pack = "ad",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "a locator SRV record targets, a <guid>._msdcs CNAME carries the GUID "
	           "of, or a locator A record holds an address of, no DC of the inventory",
	.explanation =
	"A DC demoted by force, or lost and removed from the directory by metadata\n"
	"cleanup, leaves its DNS records behind: SRV records that send clients and\n"
	"DCs to it, the <DSA GUID>._msdcs.<forest> alias replication partners use,\n"
	"and the A records at the domain's name, gc._msdcs and the partitions'\n"
	"names.  Clients try the dead host first, logons and replication wait for\n"
	"time-outs.  zonelint checks every DNS server's copy of each zone, once per\n"
	"copy: an SRV record at one of the locator names below (<site> and\n"
	"<domainguid> stand for any label) whose target is no server with the `dc`\n"
	"role; a CNAME at <guid>._msdcs.<forest> whose GUID is no DC's dsa_guid\n"
	"(checked only when every DC has one); an A or AAAA record at <domain>,\n"
	"gc._msdcs.<forest>, DomainDnsZones.<domain> or ForestDnsZones.<forest>\n"
	"whose address is no DC's (checked only when every DC has addresses).\n"
	"One finding per record, on its line; `owner` is the record's owner,\n"
	"`server` the SRV or CNAME target.  It needs the whole forest: with\n"
	"`partial: true` it does not run and says so in summary.not_checked.\n"
	"\n"
	"The locator names (A stands for A or AAAA):\n"
	AD_LOCATOR_TEXT
	"\n"
	"Example:\n"
	"  zones/_msdcs.example.com.dns:31:1: error: SRV\n"
	"  _ldap._tcp.dc._msdcs.emea.example.com. targets dc3.emea.example.com.,\n"
	"  which is no DC of the inventory, in zone _msdcs.example.com. on\n"
	"  dc1.example.com. [dc-orphan-records]\n"
	"\n"
	"Fix: delete the record on the DNS server holding the copy (replication\n"
	"carries the deletion to the others):\n"
	"  dnscmd dc1.example.com /RecordDelete _msdcs.example.com _ldap._tcp.dc SRV 0 100 389 dc3.emea.example.com /f\n"
	"  Get-DnsServerResourceRecord -ComputerName 'dc1.example.com' -ZoneName "
	"'_msdcs.example.com' -Name '_ldap._tcp.dc' -RRType Srv | Where-Object { "
	"$_.RecordData.DomainName -eq 'dc3.emea.example.com.' } | "
	"Remove-DnsServerResourceRecord -ComputerName 'dc1.example.com' -ZoneName "
	"'_msdcs.example.com' -Force",
	.check = check,
};
