// roles.mjs - every page of every role: each login follows every link it
// is offered (from /dasbor, and /pelamar for applicants), and each page it
// reaches is checked at 1280 and at 375 pixels wide for horizontal overflow
// (a wide table scrolls inside its own box, never the page), with axe-core,
// and for what a person must never read: a time in UTC, an internal code
// (agency_head, no_party, eligible, ...) or raw JSON.
//
// A page every role reaches alike (the public ones, the password page) is
// checked for the first role only, and axe-core runs once per content (a
// page several roles read the same, forms and all, is checked once), which
// keeps the walk to a few tens of seconds.

import { assert, axeCheck, check, note } from './lib.mjs';

// Not pages: logging out, downloads (documents, the exports of issue 12).
// ---- log ---- /log/*: the verifiable log's plain text for programs
// (docs/log.md); /kunci is the same page for every role ---- end log ----
const SKIP = /^\/(keluar|dokumen\/|static\/|kelola\/\d+\/ekspor\/|log\/)/;
// ---- pdf ---- the PDF letters (issue 13) are downloads too
const SKIP_PDF = /\.pdf$/;
// ---- end pdf ----
// ---- dashboard ---- the region's dashboard has its own walk (dash.mjs:
// every chart, axe-core at 375 and 1280 px), so that the roles' 40 pages
// stay the pages they were; its JSON is for programs
const SKIP_DASH = /^\/dasbor\/wilayah/;
// ---- end dashboard ----
// ---- archive ---- the auditor's archive (issue 13 item 5) is a download
const SKIP_ARCHIVE = /^\/kelola\/\d+\/arsip$/;
// ---- end archive ----
const SHARED = /^\/($|seleksi\/|masuk|daftar|lupa|akun\/|pengaduan|kunci)/;
const MAX_PAGES = 40;		/* per role: a guard against a link loop */

// Codes of the store's vocabularies, as words a page must not show.
const CODES = [
	'agency_head', 'staff_expert', 'other_agency', 'knowledge_field',
	'knowledge_assessment', 'no_party', 'no_conflict', 'integrity_pact',
	'code_of_ethics', 'jpt_pratama', 'track_record', 'eligible',
	'ineligible', 'incomplete', 'submitted', 'withdrawn', 'preparing',
	'published', 'secretariat', 'oversight', 'vacancy_add',
	'plan_set', 'member_add', 'announcement_publish', 'application_submit',
];
const CODE_RE = new RegExp(`\\b(${CODES.join('|')})\\b`);

async function widthOk(page, width) {
	await page.setViewportSize({ width, height: 900 });
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

async function readable(page) {
	const t = await page.locator('main').innerText();
	const utc = /\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?Z|\(UTC\)|\bUTC\b/.exec(t);
	const code = CODE_RE.exec(t);
	const json = /[{[]"[a-z_]+":/.exec(t);

	assert(utc === null, `a time in UTC: "${utc && utc[0]}"`);
	assert(code === null, `an internal code: "${code && code[0]}" in ` +
	    `"${code && t.slice(Math.max(0, code.index - 60),
	    code.index + 60)}"`);
	assert(json === null, `raw JSON: "${json && json[0]}"`);
}

/*
 * Logs in as login (password pw) in a new desktop context and walks every
 * page the role is offered.  seen: paths of shared pages already checked.
 */
async function walkRole(browser, helpers, login, pw, seen, axed) {
	const { newPage, go, submit } = helpers;
	const { ctx, page } = await newPage(browser, login,
	    { viewport: { width: 1280, height: 900 } });
	const todo = ['/dasbor', '/pelamar'];
	const done = new Set();
	let n = 0;

	const ok = await check(`${login}: logs in`, async () => {
		await go(page, '/masuk');
		const f = page.locator('form[action="/masuk"]');

		await f.getByLabel('Nama pengguna').fill(login);
		await f.getByLabel('Kata sandi').fill(pw);
		const r = await submit(page, f);
		assert(r.status() === 200, `HTTP ${r.status()}`);
		return true;
	});
	while (ok && todo.length > 0 && n < MAX_PAGES) {
		const path = todo.shift();

		if (done.has(path) || SKIP.test(path) || SKIP_PDF.test(path) ||
		    SKIP_DASH.test(path) ||	/* ---- dashboard ---- */
		    SKIP_ARCHIVE.test(path) ||
		    (SHARED.test(path) && seen.has(path)))
			continue;
		done.add(path);
		if (SHARED.test(path))
			seen.add(path);
		await page.setViewportSize({ width: 1280, height: 900 });
		const r = await go(page, path);
		if (r.status() !== 200) {
			/* /pelamar for staff (403): no page of theirs */
			if (!(path === '/pelamar' && r.status() === 403))
				note(`${login}: ${path}: HTTP ${r.status()}`);
			continue;
		}
		n++;
		for (const h of await page.locator('a[href^="/"]').evaluateAll(
		    (as) => as.map((a) => a.getAttribute('href'))))
			if (!done.has(h.replace(/#.*$/, '')))
				todo.push(h.replace(/#.*$/, ''));
		await check(`${login}: ${path}: no overflow at 375px and ` +
		    '1280px; no UTC time, internal code or JSON', async () => {
			await readable(page);
			await widthOk(page, 375);
			await widthOk(page, 1280);
		});
		const sig = path + '\n' + await page.locator('main')
		    .evaluate((m) => m.innerHTML.replace(
		    /name="csrf" value="[^"]*"/g, ''));
		if (axed.has(sig))
			continue;
		axed.add(sig);
		await axeCheck(page, `${path} as ${login} at 1280px`);
		if (axed.has(path))	/* the narrow layout: once a path */
			continue;
		axed.add(path);
		await page.setViewportSize({ width: 375, height: 900 });
		await axeCheck(page, `${path} as ${login} at 375px`);
	}
	await ctx.close();
	return n;
}

// Every role's pages; logins: [login, password] pairs.
export async function everyRole(browser, helpers, logins) {
	const seen = new Set(), axed = new Set();
	const t0 = Date.now();
	let pages = 0;

	for (const [login, pw] of logins)
		pages += await walkRole(browser, helpers, login, pw, seen,
		    axed);
	note(`every role: ${pages} pages in ${Date.now() - t0} ms`);
}
