// Loads zonelint HTML reports in Debian's Chromium through Playwright and
// checks what a reader sees.  Usage (tests/html/run.sh runs it):
//   node browser.cjs OUTDIR REPORT.html:INVENTORY.yaml ...
// For each report it prints one line per check, "ok - ..." or
// "not ok - ...", and saves OUTDIR/<report>.png (the whole page),
// <report>-top.png (down to the graph), <report>-graph.png (the graph) and
// <report>.pdf (the page printed on A4).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

// Offline and quiet: no sandbox (CI runs as root), no GPU, no QUIC, and
// nothing Chromium would fetch on its own (updates, sync, field trials).
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
	'--no-first-run', '--disable-background-networking',
	'--disable-component-update', '--disable-sync'];

// The servers an inventory names: the `- name:` entries under `servers:`,
// as zonelint writes names (lower case, trailing dot).  Read here rather
// than from the report, so the report is checked against its input.
function inventoryServers(file) {
	const names = [];
	let inServers = false;
	for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
		if (/^\S/.test(line))
			inServers = /^servers:/.test(line);
		const m = inServers && line.match(/^\s+-\s+name:\s*([^\s#]+)/);
		if (m)
			names.push(m[1].toLowerCase().replace(/\.?$/, '.'));
	}
	return names.sort();
}

let passed = 0;
let failed = 0;

function check(ok, what) {
	console.log(`${ok ? 'ok' : 'not ok'} - ${what}`);
	if (ok)
		passed++;
	else
		failed++;
}

async function checkReport(context, outdir, report, inventory) {
	const name = path.basename(report, '.html');
	const page = await context.newPage();
	const errors = [];
	const fetched = [];
	page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
	page.on('pageerror', (e) => errors.push(String(e)));
	page.on('request', (r) => { if (!r.url().startsWith('file:')) fetched.push(r.url()); });

	const resp = await page.goto('file://' + path.resolve(report), { waitUntil: 'load' });
	check(resp && resp.ok(), `${name}: page loads`);
	check(errors.length === 0, `${name}: no console errors${errors.length ? ': ' + errors.join('; ') : ''}`);
	check(fetched.length === 0, `${name}: fetches nothing${fetched.length ? ': ' + fetched.join(' ') : ''}`);

	const want = inventoryServers(inventory);
	const titles = (await page.$$eval('#topology svg g.node > title',
		(ts) => ts.map((t) => t.textContent))).sort();
	check(titles.length === want.length && titles.every((t, i) => t === want[i]),
		`${name}: one svg node per DC (${titles.length} nodes, ${want.length} DCs)`);

	const sites = await page.$$eval('#topology svg g.cluster', (cs) => cs.length);
	const links = await page.$$eval('#topology svg g.node a',
		(as) => as.map((a) => a.getAttribute('xlink:href') || a.getAttribute('href')));
	const targets = await Promise.all(links.map((h) => page.$(h).then((e) => e !== null)));
	check(links.length === want.length && targets.every(Boolean),
		`${name}: every node links to a part of the report`);

	// Legible: no two server boxes overlap, and at the width the page shows
	// the graph, its text is at least 8 CSS pixels high.
	const geo = await page.$eval('#topology svg', (svg) => {
		const boxes = [...svg.querySelectorAll('g.node')].map((g) => g.getBoundingClientRect());
		let overlaps = 0;
		for (let i = 0; i < boxes.length; i++)
			for (let j = i + 1; j < boxes.length; j++) {
				const a = boxes[i], b = boxes[j];
				if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
					overlaps++;
			}
		// A label wider than its box: the browser's font is wider than
		// the metrics Graphviz sized the box with.
		let spills = 0;
		for (const g of svg.querySelectorAll('g.node')) {
			const shape = g.querySelector('path, polygon').getBoundingClientRect();
			for (const t of g.querySelectorAll('text')) {
				const r = t.getBoundingClientRect();
				if (r.left < shape.left - 0.5 || r.right > shape.right + 0.5)
					spills++;
			}
		}
		const text = svg.querySelector('g.node text');
		return { overlaps, spills, textHeight: text ? text.getBoundingClientRect().height : 0 };
	});
	check(geo.overlaps === 0, `${name}: no server boxes overlap (${geo.overlaps})`);
	check(geo.spills === 0, `${name}: every label fits in its box (${geo.spills} do not)`);
	check(geo.textHeight >= 8, `${name}: node labels ${geo.textHeight.toFixed(1)} px high, at least 8`);

	const scripts = await page.$$eval('script', (s) => s.length);
	check(scripts === 0, `${name}: no script elements`);

	await page.screenshot({ path: path.join(outdir, `${name}.png`), fullPage: true });
	await page.locator('#topology').screenshot({ path: path.join(outdir, `${name}-graph.png`) });
	const bottom = await page.$eval('#topology',
		(t) => t.getBoundingClientRect().bottom + window.scrollY);
	await page.screenshot({ path: path.join(outdir, `${name}-top.png`), fullPage: true,
		clip: { x: 0, y: 0, width: 1280, height: Math.ceil(bottom) } });

	// Without JavaScript, the checkbox shows the graph at its own size.
	await page.click('label[for=zoom]');
	const zoom = await page.$eval('#topology svg', (svg) => ({
		shown: svg.getBoundingClientRect().width,
		natural: parseFloat(svg.getAttribute('width')) * 4 / 3,
	}));
	check(Math.abs(zoom.shown - zoom.natural) < 2,
		`${name}: "full size" shows the graph ${zoom.shown.toFixed(0)} px wide, its natural ${zoom.natural.toFixed(0)} px`);
	await page.click('label[for=zoom]');

	// Printed on A4 (794 CSS px wide): no navigation, the graph within it.
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: 794, height: 1123 });
	const printed = await page.evaluate(() => ({
		nav: getComputedStyle(document.querySelector('nav')).display,
		svg: document.querySelector('#topology svg').getBoundingClientRect().right,
		page: document.documentElement.clientWidth,
	}));
	check(printed.nav === 'none' && printed.svg <= printed.page,
		`${name}: printed, the graph fits the page (${printed.svg.toFixed(0)} of ${printed.page} px)`);
	await page.pdf({ path: path.join(outdir, `${name}.pdf`), format: 'A4', printBackground: true });
	console.log(`# ${name}: ${want.length} DCs, ${sites} site clusters, screenshots in ${outdir}`);
	await page.close();
}

async function main() {
	const [outdir, ...pairs] = process.argv.slice(2);
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-chromium-'));
	let context;
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath: '/usr/bin/chromium', args: FLAGS, headless: true,
			viewport: { width: 1280, height: 900 },
		});
		for (const pair of pairs) {
			const [report, inventory] = pair.split(':');
			try {
				await checkReport(context, outdir, report, inventory);
			} catch (e) {
				check(false, `${path.basename(report, '.html')}: ${e.message.split('\n')[0]}`);
			}
		}
	} catch (e) {
		check(false, `browser: ${e.message}`);
	} finally {
		if (context)
			await context.close();
		fs.rmSync(profile, { recursive: true, force: true });
	}
	console.log(`# browser: ${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}

main();
