// dash.mjs - a region's dashboard in Chromium (issue 14 item 6): the
// secretariat's /dasbor/wilayah and the oversight body's national one and
// one region's, each at 1280 px and on a 375-pixel phone: no horizontal
// overflow, axe-core (WCAG 2.1 A and AA; serious or critical fails), every
// chart an image (role="img") named by its <title> and <desc>, its text
// readable (at least 12 px on the phone), its colours at least 4.5:1 on the
// page's white, and its figures those of the table beside it.
//
// usage: node dash.mjs path/to/selter
//
// The server runs the README's demo with its history, on a fixed day; an
// appointment whose term ends in three weeks and an extension are written
// in the store first (as tests/http/dash.sh does), so that every chart
// has bars.  Screenshots go to shots/ in the server's scratch directory,
// kept (and its path printed) when KEEP is set.  Output is TAP.

import './npm.mjs';	// first: node_modules installed when missing
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

process.env.SELTER_DEMO_HISTORY = 'true';
const {
	assert, axeCheck, check, fail, launch, note, pageHelpers, pass, plan,
	startServer, stopServer, CHROMIUM,
} = await import('./lib.mjs');

const PW = 'demo-selter';
const NOW = '2026-11-23T03:00:00Z';	/* 10:00 WIB, as tests/http/dash.sh */

const exe = process.argv[2];
if (!exe || !existsSync(exe)) {
	process.stdout.write(`not ok 1 - usage: node dash.mjs SELTER ` +
	    `(no program at "${exe}")\n1..1\n`);
	process.exit(1);
}

const problems = [];
let srv;
let base = '';
let shots = '';
let nshot = 0;
const { newPage, go } = pageHelpers(problems, () => base);

function sqlite(query) {
	return execFileSync('sqlite3', [srv.db, query], { encoding: 'utf8' })
	    .trim();
}

async function login(page, who) {
	await go(page, '/masuk');
	const f = page.locator('form[action="/masuk"]');

	await f.getByLabel('Nama pengguna').fill(who);
	await f.getByLabel('Kata sandi').fill(PW);
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
	    f.locator('button[type=submit]').click()]);
	assert(new URL(page.url()).pathname === '/dasbor',
	    `login of ${who} led to ${page.url()}`);
}

// WCAG's contrast of two #rrggbb colours.
function contrast(a, b) {
	const lum = (hex) => {
		const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) /
		    255).map((v) => v <= 0.03928 ? v / 12.92 :
		    ((v + 0.055) / 1.055) ** 2.4);
		return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
	};
	const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);

	return (x + 0.05) / (y + 0.05);
}

// Each chart: an image named by its title and description, text of at
// least 12 px, colours of 4.5:1 on white, and each bar's label and value
// in the same row of the table beside it.
async function chartsOk(page, want) {
	const charts = await page.evaluate(() => [...document.querySelectorAll(
	    'main svg.chart')].map((s) => {
		const ids = (s.getAttribute('aria-labelledby') || '').split(' ');
		const title = ids[0] && document.getElementById(ids[0]);
		const desc = ids[1] && document.getElementById(ids[1]);
		const texts = [...s.querySelectorAll('text')];
		const bars = [];

		for (let i = 0; i + 1 < texts.length; i += 2)
			bars.push([texts[i].textContent,
			    texts[i + 1].textContent.split(' ')[0]]);
		const table = s.nextElementSibling &&
		    s.nextElementSibling.querySelector('table');
		const rows = table ? [...table.tBodies[0].rows].map((r) =>
		    [...r.cells].map((c) => c.textContent)) : null;

		return {
			role: s.getAttribute('role'),
			title: title && title.tagName === 'title' &&
			    title.parentNode === s ? title.textContent : null,
			desc: desc && desc.tagName === 'desc' &&
			    desc.parentNode === s ? desc.textContent : null,
			minFont: Math.min(...texts.map((t) =>
			    t.getBoundingClientRect().height)),
			fills: [...new Set([...s.querySelectorAll('[fill]')].map(
			    (e) => e.getAttribute('fill')))],
			bars, rows, width: s.getBoundingClientRect().width,
		};
	}));

	assert(charts.length === want, `${charts.length} charts, want ${want}`);
	for (const c of charts) {
		assert(c.role === 'img', `a chart without role=img`);
		assert(c.title && c.desc, `a chart without its <title> and ` +
		    `<desc>: ${JSON.stringify(c).slice(0, 200)}`);
		assert(c.minFont >= 12, `${c.title}: text ${c.minFont} px high`);
		for (const f of c.fills)
			assert(contrast(f, '#ffffff') >= 4.5,
			    `${c.title}: ${f} on white is ` +
			    `${contrast(f, '#ffffff').toFixed(2)}:1`);
		assert(c.rows !== null, `${c.title}: no table beside it`);
		if (c.bars.length === 0)
			continue;
		assert(c.rows.length === c.bars.length, `${c.title}: ` +
		    `${c.bars.length} bars, ${c.rows.length} rows`);
		c.bars.forEach(([label, v], i) => {
			const row = c.rows[i];

			assert(row[0].startsWith(label.replace(/…$/, '')),
			    `${c.title}: bar "${label}", row "${row[0]}"`);
			assert(row.slice(1).some((x) => x.split(' ')[0] === v),
			    `${c.title}: "${label}" ${v}, row ${row.join(' | ')}`);
		});
	}
}

async function noOverflow(page, width) {
	const w = await page.evaluate(() =>
	    document.scrollingElement.scrollWidth);

	if (w <= width + 1)
		return;
	const wide = await page.evaluate((lim) => [...document
	    .querySelectorAll('body *')].filter((e) => e.getBoundingClientRect()
	    .right > lim && !e.closest('.scroll')).slice(0, 5).map((e) =>
	    `<${e.tagName.toLowerCase()}> ` + e.textContent.slice(0, 60)),
	    width + 1);
	throw new Error(`${width}px: scrollWidth ${w}:\n${wide.join('\n')}`);
}

async function visit(page, path, width, charts, what) {
	await check(`${what}: ${path} at ${width}px: 200, no horizontal ` +
	    `overflow; ${charts} charts, each named, readable, contrasted ` +
	    'and beside its table with the same figures', async () => {
		const r = await go(page, path);

		assert(r.status() === 200, `HTTP ${r.status()}`);
		await noOverflow(page, width);
		await chartsOk(page, charts);
	});
	await axeCheck(page, `${path} (${what}) at ${width}px`);
	nshot++;
	await page.screenshot({ path: join(shots, `${String(nshot).padStart(2,
	    '0')}-${what}-${width}.png`), fullPage: true });
}

async function person(browser, who, width, pages) {
	const { ctx, page } = await newPage(browser, `${who}@${width}`, {
		viewport: { width, height: 800 },
		...(width < 640 ? { isMobile: true, hasTouch: true } : {}),
	});

	await check(`${who} logs in at ${width}px`, () => login(page, who));
	for (const [path, n] of pages)
		await visit(page, path, width, n, who);
	await ctx.close();
}

// ---- the test ----

const t0 = Date.now();
srv = await check('selter serve starts with the demo and its history',
    () => startServer(exe, NOW));
if (srv === undefined)
	process.exit(plan() > 0 ? 1 : 0);
base = srv.url;
shots = join(srv.dir, 'shots');
mkdirSync(shots);
await check('an appointment on record and an extension', () => {
	sqlite("INSERT INTO appointment (vacancy_id, selection_id, " +
	    "application_id, decree_no, decree_on, tmt, inaugurated_on, mode, " +
	    "place, recorded_at, recorded_by, account_id) VALUES (3, 3, 1, " +
	    "'821.2/1/2021', '2021-12-14', '2021-12-15', '2021-12-15', " +
	    "'in_person', 'Pendopo', '2021-12-15T03:00:00Z', 'PPK', " +
	    "(SELECT id FROM account WHERE login = 'ppk')); " +
	    'UPDATE selection SET extensions = 1 WHERE id = 4;');
});
const DMK = sqlite("SELECT id FROM region WHERE code = 'demak'");

const browser = await check(`chromium starts (${CHROMIUM})`, launch);
if (browser !== undefined) {
	try {
		for (const width of [1280, 375]) {
			await person(browser, 'sekretariat', width,
			    [['/dasbor/wilayah', 6]]);
			await person(browser, 'pengawas', width,
			    [['/dasbor/wilayah', 7],
			    [`/dasbor/wilayah/${DMK}`, 6]]);
		}
	} catch (e) {
		fail('the test ran to its end', e && e.stack ? e.stack : e);
	}
	await browser.close();
}
await check('no 5xx answer, console error or CSP violation on any page',
    async () => {
	assert(problems.length === 0, problems.join('\n'));
});
const keep = (process.env.KEEP ?? '') !== '';
const stop = await stopServer(srv, { keep });
if (stop.code === 0 && stop.sig === null)
	pass('selter serve stops on SIGTERM with status 0');
else
	fail('selter serve stops on SIGTERM with status 0',
	    `exit ${JSON.stringify(stop)}\n${srv.log().slice(-6000)}`);
if (keep)
	note(`kept ${srv.dir}; screenshots in ${shots}`);
note(`${nshot} screenshots; ${Date.now() - t0} ms`);
process.exit(plan() > 0 ? 1 : 0);
