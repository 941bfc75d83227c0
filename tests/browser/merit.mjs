// merit.mjs - the merit half in Chromium (issue 12 item 7): a committee
// member scoring on a 375-pixel phone, and the public result pages of the
// demo's past selection, every page checked with axe-core (WCAG 2.1 A and
// AA; serious or critical fails) and for horizontal overflow.
//
// usage: node merit.mjs path/to/selter
//
// The server runs the README's demo with its history (demo_past.c: the
// selection that has run its course, number 3; demo_open.c: selection 4,
// whose interview is open with three of its five raters' sheets sent).
//
// 1. anggota, on a phone (375 px, touch): logs in, goes from /dasbor to
//    the sheet by its links, finds the candidates (by their blind code if
//    the stage is the paper), types bad values (101 refused by the server,
//    "abc" and 70,555 first by the field's own pattern, then by the server
//    when the form is sent without it), each coming back with what was
//    typed and the error beside its field; corrects, saves the others by
//    keyboard only (Tab, Enter), sends the sheet by keyboard; reads only
//    his own scores while the stage stays sealed.
// 2. the public: every published result of selection 3 and the pages it
//    links, at 1280 px and on a 375-pixel phone: no overflow, axe-core, no
//    time but in WIB, no internal code; each table's scores and ranks are
//    recomputed from the sheet the page links (and `selter rank` on it).
//
// Screenshots go to shots/ in the server's scratch directory, kept (and
// its path printed) when KEEP is set.  Output is TAP.

import './npm.mjs';	// first: node_modules installed when missing
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

process.env.SELTER_DEMO_HISTORY = 'true';
const {
	assert, axeCheck, check, fail, launch, note, pageHelpers, pass, plan,
	startServer, step, stopServer, CHROMIUM,
} = await import('./lib.mjs');

const PW = 'demo-selter';
const SEL = 4;			/* demo_open.c's selection */
const PAST = 3;			/* demo_past.c's */
const MEMBER = 'anggota';
const OK_MSG = 'Tersimpan dan dicatat dalam jejak audit.';
const SAVE = { name: /^Simpan (nilai|koreksi)$/ };

const exe = process.argv[2];
if (!exe || !existsSync(exe)) {
	process.stdout.write(`not ok 1 - usage: node merit.mjs SELTER ` +
	    `(no program at "${exe}")\n1..1\n`);
	process.exit(1);
}

// A fixed day (10:00 WIB), as tests/http/demo.sh: the same pages each run.
const NOW = '2026-11-23T03:00:00Z';
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

async function text(page, sel = 'main') {
	return (await page.locator(sel).innerText()).replace(/\s+/g, ' ');
}

async function shot(page, what) {
	nshot++;
	const name = `${String(nshot).padStart(2, '0')}-${what.replace(
	    /[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.png`;

	await page.screenshot({ path: join(shots, name), fullPage: true });
}

// Nothing wider than the window: the page never scrolls sideways (a wide
// table scrolls inside its own box).
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

// Codes of the store's vocabularies a person must never read.
// ("assessment" is the Indonesian regulations' own word: "assessment center")
const CODES = ['agency_head', 'jpt_pratama', 'track_record', 'paper',
	'interview', 'health', 'passed', 'failed', 'absent',
	'stage_result', 'adm_result', 'eligible', 'submitted', 'published',
	'score_enter', 'score_submit', 'member', 'chair', 'secretariat'];
const CODE_RE = new RegExp(`\\b(${CODES.join('|')})\\b`);

// Times only in WIB, no UTC, no internal code, no raw JSON (the text of
// <code> elements, commands to type, aside).
async function readable(page) {
	const t = await page.locator('main').evaluate((m) => {
		const c = m.cloneNode(true);

		for (const e of c.querySelectorAll('code'))
			e.remove();
		return c.innerText;
	});
	const utc = /\d{4}-\d\d-\d\dT\d\d:\d\d|\bUTC\b|\bGMT\b/.exec(t);
	const code = CODE_RE.exec(t);
	const json = /[{[]"[a-z_]+":/.exec(t);

	assert(utc === null, `a time in UTC: "${utc && utc[0]}"`);
	assert(code === null, `an internal code: "${code && code[0]}" in "` +
	    `${code && t.slice(Math.max(0, code.index - 60), code.index + 60)}"`);
	assert(json === null, `raw JSON: "${json && json[0]}"`);
	for (const m of t.matchAll(/\b([01]?\d|2[0-3])[.:]([0-5]\d)\b/g)) {
		const after = t.slice(m.index, m.index + 24);

		assert(/^[0-9.:]+(\s*[-–]\s*[0-9.:]+)?\s+WIB\b/.test(after),
		    `a time without WIB: "${t.slice(Math.max(0, m.index - 40),
		    m.index + 30)}"`);
	}
}

// A result table stacked on a phone (its header row hidden) names the
// column of each cell beside it (data-label), else "1", "86,29" and
// "lolos" stand alone.  (Other tables of the application are stacked
// without their names too: not this test's pages.)
async function stackedNamed(page) {
	const bare = await page.evaluate(() => [...document.querySelectorAll(
	    'main table.result')].filter((t) => t.tHead !== null &&
	    getComputedStyle(t.tHead).display === 'none').flatMap((t) =>
	    [...t.querySelectorAll('tbody td')].filter((td) =>
	    !td.getAttribute('data-label')).map((td) => `${t.caption ?
	    t.caption.innerText : 'table'}: "${td.innerText.slice(0, 30)}"`)));

	assert(bare.length === 0, 'cells without their column\'s name on ' +
	    `the phone:\n${bare.slice(0, 6).join('\n')}`);
}

// Every page reached: no overflow, readable, axe-core, a screenshot.
async function reached(page, what, width) {
	await check(`${what} at ${width}px: no horizontal overflow; times in ` +
	    'WIB, no internal code' + (width < 640 ? '; a stacked result ' +
	    'table names its columns' : ''), async () => {
		await noOverflow(page, width);
		await readable(page);
		if (width < 640)
			await stackedNamed(page);
	});
	await axeCheck(page, `${what} at ${width}px`);
	await shot(page, `${what}-${width}`);
}

// Follows a link or a button by touch and waits for the page it leads to.
async function tapTo(page, loc) {
	const [r] = await Promise.all([
		page.waitForNavigation({ waitUntil: 'load' }),
		loc.tap(),
	]);

	assert(r !== null, 'no page followed');
	return r;
}

// ---- 1. a member scoring on a phone ----

// The candidates of the sheet as the page names them: the blind code on
// the paper, else the registration number; each with its form's field.
async function candidates(page) {
	const blind = (await text(page)).includes('dinilai tanpa nama');
	const out = [];

	for (const s of await page.locator('main section').all()) {
		const h = (await s.locator('h3').innerText()).trim();
		const m = blind ? /^Kode (\S+)$/.exec(h) :
		    /^(DEMAK-\d{4}-\d+-\d{4}) /.exec(h);

		assert(m !== null, `a candidate named "${h}"` + (blind ?
		    ' on the blind paper: a name or number shows' : ''));
		const input = s.locator('input[name=value]');

		assert(await input.count() === 1, `no score field for ${h}`);
		out.push({ key: m[1], id: await input.getAttribute('id') });
	}
	return { blind, cands: out };
}

function sectionOf(page, c) {
	return page.locator('main section').filter({ has:
	    page.locator(`#${c.id}`) });
}

// A bad value comes back: the page says why beside the field (named,
// with the rule's words), and the field holds what was typed.
async function refusedBeside(page, c, typed, why) {
	const sec = sectionOf(page, c);
	const err = sec.locator(`#${c.id} + .field-err`);

	assert(await err.count() === 1, `no error beside ${c.key}'s field: ` +
	    (await text(page)).slice(0, 400));
	const msg = (await err.innerText()).trim();
	assert(why.test(msg), `the error says "${msg}"`);
	const field = sec.locator(`#${c.id}`);
	assert(await field.getAttribute('aria-invalid') === 'true' &&
	    await field.getAttribute('aria-describedby') ===
	    await err.getAttribute('id'), 'the field is not marked invalid ' +
	    'and described by its error');
	assert(await sec.locator(`#${c.id}`).inputValue() === typed,
	    `the field holds "${await sec.locator(`#${c.id}`)
	    .inputValue()}", not "${typed}"`);
	assert((await sec.innerText()).includes('belum diisi'),
	    'the refused value was saved');
	return msg;
}

// Tab from the top of the page until the element named (by id, or by its
// text: a button) has the focus; returns the presses.  The presses are
// counted from the page's focusable elements first, then checked.
async function tabTo(page, name) {
	const n = await page.evaluate((want) => {
		const all = [...document.querySelectorAll('a[href], button, ' +
		    'input:not([type=hidden]), select, textarea, summary, ' +
		    '[tabindex="0"]')].filter((e) => e.getClientRects()
		    .length > 0 && !e.disabled);
		const i = all.findIndex((e) => e.id === want ||
		    e.textContent.trim() === want);

		document.activeElement?.blur();
		window.scrollTo(0, 0);
		return i;
	}, name);
	const at = () => page.evaluate(() => document.activeElement?.id ||
	    document.activeElement?.textContent?.trim() || '');

	assert(n >= 0, `no "${name}" to reach`);
	for (let i = 0; i <= n; i++)
		await page.keyboard.press('Tab');
	if (await at() === name)
		return n + 1;
	for (let i = n + 1; i < n + 60; i++) {	/* the count was off */
		await page.keyboard.press('Tab');
		if (await at() === name)
			return i + 1;
	}
	throw new Error(`Tab never reaches "${name}"`);
}

async function member(browser) {
	const { ctx, page } = await newPage(browser, MEMBER, {
		viewport: { width: 375, height: 812 }, isMobile: true,
		hasTouch: true, deviceScaleFactor: 1 });
	const sheetPath = `/kelola/${SEL}/tahap/wawancara/nilai`;
	let cs = null, ok;

	ok = await step(`${MEMBER}: logs in on the phone`, async () => {
		await go(page, '/masuk');
		await reached(page, '/masuk', 375);
		const f = page.locator('form[action="/masuk"]');

		await f.getByLabel('Nama pengguna').fill(MEMBER);
		await f.getByLabel('Kata sandi').fill(PW);
		const r = await tapTo(page, f.locator('button[type=submit]'));
		assert(r.status() === 200 && new URL(page.url()).pathname ===
		    '/dasbor', `HTTP ${r.status()} at ${page.url()}`);
		return true;
	});
	if (ok)
		await reached(page, '/dasbor', 375);
	ok = await step(`${MEMBER}: reaches the open interview's sheet from ` +
	    '/dasbor by its link', async () => {
		const link = page.locator('main a', { hasText:
		    'Lembar nilai Wawancara' });

		assert(await link.count() === 1, 'the dashboard offers ' +
		    `${await link.count()} interview sheets`);
		await tapTo(page, link);
		assert(new URL(page.url()).pathname === sheetPath, page.url());
		assert((await text(page)).includes('Disegel: 3 dari 5 penilai ' +
		    'telah mengirim.'), 'the seal is not "3 of 5"');
		return true;
	});
	if (ok)
		await reached(page, 'the sheet', 375);
	cs = await step(`${MEMBER}: finds the five candidates on the sheet`,
	    async () => {
		const r = await candidates(page);

		assert(r.cands.length === 5, `${r.cands.length} candidates`);
		note(`candidates by ${r.blind ? 'blind code' :
		    'registration number'}: ` +
		    r.cands.map((c) => c.key).join(' '));
		return r.cands;
	});
	if (!cs) {
		await ctx.close();
		return;
	}
	const [c1] = cs;

	ok = await step(`${MEMBER}: 101 is refused by the server, kept in its ` +
	    'field with the error beside it', async () => {
		await sectionOf(page, c1).locator(`#${c1.id}`).fill('101');
		const r = await tapTo(page, sectionOf(page, c1)
		    .getByRole('button', SAVE));
		assert(r.status() >= 400 && r.status() < 500,
		    `HTTP ${r.status()}`);
		note(await refusedBeside(page, c1, '101', /Nilai/));
		return true;
	});
	if (ok)
		await reached(page, 'the sheet, 101 refused', 375);
	for (const bad of ['abc', '70,555']) {
		await step(`${MEMBER}: "${bad}" is stopped by the field's ` +
		    'pattern before it is sent', async () => {
			const sec = sectionOf(page, c1);
			const posts = [];
			const seen = (q) => {
				if (q.method() === 'POST')
					posts.push(q.url());
			};

			await sec.locator(`#${c1.id}`).fill(bad);
			page.on('request', seen);
			await sec.getByRole('button', SAVE).tap();
			await page.waitForTimeout(250);
			page.off('request', seen);
			assert(posts.length === 0, 'sent anyway');
			assert(await sec.locator(`#${c1.id}`).evaluate((e) =>
			    e.validity.patternMismatch), 'not a pattern mismatch');
		});
		ok = await step(`${MEMBER}: "${bad}" sent without the pattern is ` +
		    'refused by the server, kept, the error beside it',
		    async () => {
			const sec = sectionOf(page, c1);

			await sec.locator('form').first().evaluate((f) => {
				f.noValidate = true;
			});
			const r = await tapTo(page, sec.getByRole('button',
			    SAVE));
			assert(r.status() >= 400 && r.status() < 500,
			    `HTTP ${r.status()}`);
			note(await refusedBeside(page, c1, bad, /Nilai/));
			return true;
		});
	}
	if (ok)
		await reached(page, 'the sheet, 70,555 refused', 375);

	// Other raters' values, to be sure none shows while sealed.
	const mine = ['90,25', '65,75', '88,00', '72,50', '79,95'];
	const others = sqlite('SELECT s.value FROM score s JOIN account a ON ' +
	    `a.id = s.rater_id WHERE s.selection_id = ${SEL} AND s.stage = ` +
	    `'interview' AND a.login <> '${MEMBER}'`).split('\n')
	    .filter((x) => x !== '');
	await check('three other raters have sent 15 interview scores', () =>
	    assert(others.length === 15, `${others.length} scores`));

	ok = await step(`${MEMBER}: corrects the first score by touch`, async () => {
		const sec = sectionOf(page, c1);

		await sec.locator(`#${c1.id}`).fill(mine[0]);
		const r = await tapTo(page, sec.getByRole('button', SAVE));
		assert(r.status() === 200 && page.url().includes('?ok=1'),
		    `HTTP ${r.status()} at ${page.url()}`);
		assert((await text(page, '.msg.ok')).includes(OK_MSG),
		    'no saved message');
		assert((await sectionOf(page, c1).innerText()).includes(
		    `Nilai Anda: ${mine[0]}`), 'the score is not shown');
		return true;
	});
	if (ok)
		await reached(page, 'the sheet, a score saved', 375);
	for (let i = 1; i < cs.length; i++) {
		await step(`${MEMBER}: enters ${cs[i].key}'s score by keyboard ` +
		    'only (Tab to the field, type, Enter)', async () => {
			const tabs = await tabTo(page, cs[i].id);
			const focus = await page.evaluate(() => {
				const s = getComputedStyle(document.activeElement);

				return s.outlineStyle !== 'none' &&
				    parseFloat(s.outlineWidth) >= 1;
			});
			assert(focus, 'the focused field shows no outline');
			await page.keyboard.type(mine[i]);
			const [r] = await Promise.all([
				page.waitForNavigation({ waitUntil: 'load' }),
				page.keyboard.press('Enter'),
			]);
			assert(r.status() === 200 && page.url().includes('?ok=1'),
			    `HTTP ${r.status()} at ${page.url()}`);
			assert((await sectionOf(page, cs[i]).innerText())
			    .includes(`Nilai Anda: ${mine[i]}`),
			    'the score is not shown');
			if (i === 1)
				note(`${tabs} Tab presses to the second field`);
		});
	}
	ok = await step(`${MEMBER}: sends the sheet by keyboard (Tab to the ` +
	    'button, Enter)', async () => {
		await tabTo(page, 'Kirim lembar nilai');
		const [r] = await Promise.all([
			page.waitForNavigation({ waitUntil: 'load' }),
			page.keyboard.press('Enter'),
		]);
		assert(r.status() === 200 && page.url().includes('?ok=1'),
		    `HTTP ${r.status()} at ${page.url()}`);
		const t = await text(page);
		assert(t.includes('Lembar nilai Anda sudah dikirim.'), 'not sent');
		assert(t.includes('Disegel: 4 dari 5 penilai telah mengirim.'),
		    'the seal is not "4 of 5"');
		return true;
	});
	if (ok)
		await reached(page, 'the sheet, sent', 375);
	await step(`${MEMBER}: reads his own five scores and no one ` +
	    'else\'s while the chair has not sent', async () => {
		const t = await text(page);

		for (const v of mine)
			assert(t.includes(`Nilai Anda: ${v}`), `${v} not shown`);
		for (const v of others) {
			const shown = comma(Number(v));

			assert(!mine.includes(shown) && !t.includes(shown),
			    `another rater's ${shown} shows (or is one of mine)`);
		}
		assert(!t.includes('Nilai semua penilai'), 'the full table shows');
		const r = await page.request.get(base + sheetPath + '/semua');
		assert(r.status() >= 400 && (await r.text()).includes('Disegel'),
		    `the full table answers ${r.status()}`);
	});
	await check('the store holds the member\'s five scores as typed', () => {
		const got = sqlite('SELECT s.value FROM score s JOIN account a ON ' +
		    `a.id = s.rater_id WHERE s.selection_id = ${SEL} AND ` +
		    `s.stage = 'interview' AND a.login = '${MEMBER}' ORDER BY ` +
		    's.application_id').split('\n');
		const want = mine.map((v) => String(hundredths(v)));

		assert(got.join(' ') === want.join(' '), `stored ${got.join(' ')}`);
	});
	await ctx.close();
}

// ---- 2. the public result pages ----

// The stage score of a sheet's candidate: the mean of the raters not
// recused, in hundredths, rounded half up once.
function mean(list) {
	const xs = list.filter((x) => !x.recused).map((x) =>
	    Math.round(x.score * 100));
	const sum = xs.reduce((a, b) => a + b, 0);

	return Math.floor((2 * sum + xs.length) / (2 * xs.length));
}

// Hundredths as a page writes them: "81,05".
function comma(v) {
	return `${Math.floor(v / 100)},${String(v % 100).padStart(2, '0')}`;
}

function hundredths(s) {
	const m = /^(\d+),(\d\d)$/.exec(s.trim());

	assert(m !== null, `"${s}" is not a score`);
	return Number(m[1]) * 100 + Number(m[2]);
}

// The table of one vacancy against the sheet it links.
async function tableAgrees(page, table, dir) {
	const href = await table.locator('xpath=..').locator(
	    'xpath=following-sibling::p[1]//a[contains(@href, ".json")]')
	    .getAttribute('href');
	const r = await page.request.get(base + href);
	assert(r.status() === 200, `${href}: HTTP ${r.status()}`);
	const sheet = await r.json();
	const rows = await table.locator('tbody tr').evaluateAll((trs) =>
	    trs.map((tr) => [...tr.cells].map((td) => td.innerText.trim())));
	const byId = new Map(sheet.candidates.map((c) => [c.id, c]));
	const ranked = sheet.weights[sheet.stage] === 100;

	assert(rows.length === sheet.candidates.length, `${rows.length} ` +
	    `rows, ${sheet.candidates.length} in the sheet`);
	for (const [rank, id, name] of rows) {
		const c = byId.get(id);

		assert(c !== undefined && c.name === name, `${id} ${name}: ` +
		    'not in the sheet');
		if (!ranked)
			assert(rank === '—', `${id}: ranked ${rank}`);
	}
	if (!ranked)
		return `${rows.length} candidates, unranked`;
	const scores = rows.map(([, id, , s]) => [id, hundredths(s)]);
	for (const [id, s] of scores) {
		const want = mean(byId.get(id).scores[sheet.stage]);

		assert(s === want, `${id}: the page says ${s / 100}, the sheet ` +
		    `gives ${want / 100}`);
	}
	for (const [rank, id, , s] of rows) {
		const h = hundredths(s);
		const want = 1 + scores.filter(([, x]) => x > h).length;

		assert(rank.replace(/ \(seri\)$/, '') === String(want),
		    `${id}: rank ${rank}, recomputed ${want}`);
	}
	const f = join(dir, `sheet-${nshot}.json`);
	writeFileSync(f, JSON.stringify(sheet));
	const cli = JSON.parse(execFileSync(exe, ['rank', '--profile',
	    'demak-2022', '--scores', f], { encoding: 'utf8' }));
	const ids = cli.ranking.map((x) => x.id).join(' ');
	assert(ids === rows.map((x) => x[1]).join(' '), `selter rank: ${ids}`);
	return `${rows.length} candidates: ${rows.map((x) => x[3]).join(' ')}`;
}

async function publicPages(browser, width) {
	const opts = width === 375 ? { viewport: { width: 375, height: 812 },
	    isMobile: true, hasTouch: true, deviceScaleFactor: 1 } :
	    { viewport: { width: 1280, height: 900 } };
	const { ctx, page } = await newPage(browser, `public ${width}`, opts);
	const done = new Set();
	let results = [];

	const ok = await check(`public at ${width}px: selection ${PAST} ` +
	    'links its published results', async () => {
		await go(page, `/seleksi/${PAST}`);
		// the pages (their PDF letters are checked as links below)
		results = (await page.locator(`main a[href^="/seleksi/${PAST}/` +
		    'hasil"]').evaluateAll((as) => [...new Set(as.map((a) =>
		    a.getAttribute('href')))])).filter((h) => !h.endsWith('.pdf'));
		assert(results.length === 6, `${results.length} results: ` +
		    results.join(' '));
		return true;
	});
	if (ok)
		await reached(page, `/seleksi/${PAST}`, width);
	done.add(`/seleksi/${PAST}`);
	for (const path of results) {
		const links = await check(`public at ${width}px: ${path}`,
		    async () => {
			const r = await go(page, path);

			assert(r.status() === 200, `HTTP ${r.status()}`);
			return page.locator('main a[href^="/"]').evaluateAll(
			    (as) => as.map((a) => a.getAttribute('href')));
		});
		if (links === undefined)
			continue;
		await reached(page, path, width);
		done.add(path);
		const tables = await page.locator('main table.result').all();
		for (let k = 0; k < tables.length && width === 1280; k++)
			await check(`${path}: table ${k + 1}'s scores and ranks ` +
			    'are its sheet\'s, recomputed (and selter rank\'s)',
			    async () => note(await tableAgrees(page, tables[k],
			    srv.dir)));
		// Its links: the sheets answer JSON; the pages pass as above.
		for (const h of links) {
			if (done.has(h))
				continue;
			done.add(h);
			// the PDF letter and the log's signed statement are
			// files for programs and printers, not pages
			if (h.endsWith('.pdf') || h.startsWith('/log/')) {
				await check(`${h} answers its file`, async () => {
					const r = await page.request.get(base + h);
					assert(r.status() === 200 && (h.endsWith(
					    '.pdf') ? /application\/pdf/ : /text\/plain/)
					    .test(r.headers()['content-type']),
					    `HTTP ${r.status()} ${r.headers()[
					    'content-type']}`);
				});
				continue;
			}
			if (h.endsWith('.json')) {
				await check(`${h} is JSON`, async () => {
					const r = await page.request.get(base + h);
					assert(r.status() === 200 && /json/.test(
					    r.headers()['content-type']),
					    `HTTP ${r.status()}`);
					await r.json();
				});
				continue;
			}
			const ok = await check(`public at ${width}px: ${h}, ` +
			    `linked from ${path}`, async () => {
				const r = await go(page, h);
				assert(r.status() === 200, `HTTP ${r.status()}`);
				return true;
			});
			if (ok)
				await reached(page, h, width);
		}
	}
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
note(`server ${base}, now ${NOW}`);

const browser = await check(`chromium starts (${CHROMIUM})`, launch);
if (browser !== undefined) {
	try {
		let t = Date.now();
		const lap = (what) => {
			note(`${what}: ${Date.now() - t} ms`);
			t = Date.now();
		};

		await member(browser);
		lap('the member on the phone');
		await publicPages(browser, 1280);
		lap('the public results at 1280px');
		await publicPages(browser, 375);
		lap('the public results at 375px');
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
