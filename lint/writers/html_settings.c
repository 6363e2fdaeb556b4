/*
 * lint/writers/html_settings.c - the "Zone settings" section of the HTML
 * report (html.c calls it): per zone, each setting as each hosting DNS
 * server has it (its own zone_settings over the zone's), side by side; a
 * cell whose value differs from the one most of the zone's servers hold
 * is marked, as zone-settings-differ reports it.
 */
#include "writers.h"

#include <stdio.h>
#include <string.h>

/* Side by side up to this many servers; past it the rest are counted
 * (zone-settings-differ still names each differing one). */
#define SETTINGS_MAX_COLUMNS 24
#define CELL_MAX 512

typedef enum row { ROW_UPDATE, ROW_TRANSFERS, ROW_AGING, ROW_COUNT } row;

static const char *const row_names[ROW_COUNT] = {
	"Dynamic update", "Transfers", "Aging",
};

static const char *addrs_text(const zl_addr_list *l, char *buf, size_t size)
{
	char one[ZL_ADDR_TEXT_MAX];
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < l->count && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? " " : "",
		                         zl_addr_format(&l->addrs[i], one, sizeof one));
	return buf;
}

/* The cell text of setting r in s; "unknown" when no source gave it. */
static const char *cell_text(const zl_zone_settings *s, row r, char *buf, size_t size)
{
	char list[CELL_MAX / 2];
	const zl_aging *a = &s->aging;

	switch (r) {
	case ROW_UPDATE:
		snprintf(buf, size, "%s", zl_update_name(s->dynamic_update));
		break;
	case ROW_TRANSFERS:
		if (s->transfers == ZL_TRANSFERS_LIST)
			snprintf(buf, size, "list %s", addrs_text(&s->transfer_to, list, sizeof list));
		else
			snprintf(buf, size, "%s", zl_transfers_name(s->transfers));
		break;
	default:
		if (!a->known) {
			snprintf(buf, size, "unknown");
			break;
		}
		snprintf(buf, size, "%s", a->enabled ? "on" : "off");
		if (a->days_known)
			snprintf(buf + strlen(buf), size - strlen(buf), ", %u+%u days",
			         a->no_refresh_days, a->refresh_days);
		if (a->scavenging_servers.known)
			snprintf(buf + strlen(buf), size - strlen(buf), ", scavengers: %s",
			         a->scavenging_servers.count
			         ? addrs_text(&a->scavenging_servers, list, sizeof list) : "any");
		break;
	}
	return buf;
}

/* The value most of the n cells hold, ties to the first server (by name);
 * unknown cells take no part. */
static size_t reference(char cells[][CELL_MAX], size_t n)
{
	size_t best = n, best_count = 0;

	for (size_t i = 0; i < n; i++) {
		size_t count = 0;

		if (strcmp(cells[i], "unknown") == 0)
			continue;
		for (size_t j = 0; j < n; j++)
			count += strcmp(cells[i], cells[j]) == 0;
		if (count > best_count) {
			best = i;
			best_count = count;
		}
	}
	return best;
}

static void setting_row(FILE *out, const zl_zone *z, const zl_server **hosts,
                        size_t n, row r)
{
	char cells[SETTINGS_MAX_COLUMNS][CELL_MAX];
	size_t ref;

	for (size_t i = 0; i < n; i++) {
		zl_zone_settings s;

		zl_zone_settings_on(z, hosts[i], &s);
		cell_text(&s, r, cells[i], CELL_MAX);
	}
	ref = reference(cells, n);
	fprintf(out, "<tr><th scope=\"row\">%s</th>", row_names[r]);
	for (size_t i = 0; i < n; i++) {
		bool differs = ref < n && strcmp(cells[i], "unknown") != 0 &&
		               strcmp(cells[i], cells[ref]) != 0;

		fputs(differs ? "<td class=\"differ\"><span title=\"differs from the other "
		      "servers\">&ne;</span> " : "<td>", out);
		zl_html_escape(out, cells[i]);
		fputs("</td>", out);
	}
	fputs("</tr>\n", out);
}

/* What the zone itself holds, the same on every server. */
static void zone_line(FILE *out, const zl_zone *z)
{
	zl_text_list cc = zl_zone_create_child(z);
	zl_addr_list masters = zl_zone_masters(z);
	char buf[CELL_MAX];

	fputs("<p>", out);
	zl_html_escape(out, zl_zone_kind_name(zl_zone_type(z)));
	fputs(", ", out);
	zl_html_escape(out, zl_storage_name(zl_zone_storage(z)));
	if (masters.known) {
		fputs("; masters: ", out);
		zl_html_escape(out, masters.count ? addrs_text(&masters, buf, sizeof buf) : "none");
	}
	fputs("; who may create records: ", out);
	if (!cc.known)
		fputs("unknown", out);
	for (size_t i = 0; cc.known && i < cc.count; i++) {
		fputs(i ? ", " : "", out);
		zl_html_escape(out, cc.items[i]);
	}
	if (cc.known && cc.count == 0)
		fputs("nobody listed", out);
	fputs("</p>\n", out);
}

static void zone_table(FILE *out, const zl_zone *z)
{
	const zl_server *hosts[SETTINGS_MAX_COLUMNS];
	size_t n = 0, more = 0;

	for (size_t h = 0; h < zl_zone_host_count(z); h++) {
		const zl_server *s = zl_zone_host(z, h);

		if (!(zl_server_roles(s) & ZL_ROLE_DNS))
			continue;
		if (n < SETTINGS_MAX_COLUMNS)
			hosts[n++] = s;
		else
			more++;
	}
	fputs("<h3>", out);
	zl_html_escape(out, zl_name_text(zl_zone_name(z)));
	fputs("</h3>\n", out);
	zone_line(out, z);
	if (n == 0 || zl_zone_type(z) != ZL_ZONE_PRIMARY) {
		fputs("<p>No per-server settings.</p>\n", out);
		return;
	}
	fputs("<table class=\"settings\">\n<thead><tr><th scope=\"col\">Setting</th>", out);
	for (size_t i = 0; i < n; i++) {
		fputs("<th scope=\"col\">", out);
		zl_html_escape(out, zl_name_text(zl_server_name(hosts[i])));
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	for (row r = ROW_UPDATE; r < ROW_COUNT; r++)
		setting_row(out, z, hosts, n, r);
	fputs("</tbody>\n</table>\n", out);
	if (more)
		fprintf(out, "<p>And %zu more servers; zone-settings-differ names each "
		        "one that differs.</p>\n", more);
}

void zl_html_settings(FILE *out, const zl_model *m)
{
	fputs("<section id=\"settings\">\n<h2>Zone settings</h2>\n", out);
	if (zl_model_zone_count(m) == 0) {
		fputs("<p>No zones.</p>\n</section>\n", out);
		return;
	}
	fputs("<p>Each zone&rsquo;s settings as each DNS server hosting it has them "
	      "(a server&rsquo;s own <code>zone_settings</code> over the zone&rsquo;s); "
	      "a value that differs from the one most of the servers hold is marked "
	      "&ne;. <em>unknown</em>: no source gave it.</p>\n", out);
	for (size_t i = 0; i < zl_model_zone_count(m); i++)
		zone_table(out, zl_model_zone(m, i));
	fputs("</section>\n", out);
}
