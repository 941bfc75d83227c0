// verify.mjs - the public verify page in Chromium (issue 13 item 6): a real
// document of the demo's past selection (its announcement, its stage
// result), its short code read from the PDF's text and its QR code read
// from a 300-dpi render (pdftoppm, zbarimg), both leading to the page that
// names the document with its PDF's SHA-256; the code typed in the form
// (in capitals, as printed); a code that is no document's and one that is
// not a code, each with its Indonesian message; every page at 1280 px
// and on a 375-pixel phone, no horizontal overflow, axe-core (WCAG 2.1 A
// and AA; serious or critical fails).
//
// usage: node verify.mjs path/to/selter        Output is TAP.

import './npm.mjs';	// first: node_modules installed when missing
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

process.env.SELTER_DEMO_HISTORY = 'true';
const {
	assert, axeCheck, check, fail, launch, note, pageHelpers, pass, plan,
	startServer, stopServer, CHROMIUM,
} = await import('./lib.mjs');

const PAST = 3;			/* demo_past.c's selection */
const NOW = '2026-11-23T03:00:00Z';
const exe = process.argv[2];
if (!exe || !existsSync(exe)) {
	process.stdout.write(`not ok 1 - usage: node verify.mjs SELTER ` +
	    `(no program at "${exe}")\n1..1\n`);
	process.exit(1);
}
const tools = ['pdftotext', 'pdftoppm', 'zbarimg'];
for (const t of tools) {
	try {
		execFileSync('sh', ['-c', `command -v ${t}`], { stdio: 'ignore' });
	} catch {
		process.stdout.write(`1..0 # SKIP ${t} is not installed\n`);
		process.exit(0);
	}
}

const problems = [];
let srv;
let base = '';
const { newPage, go } = pageHelpers(problems, () => base);

function sqlite(query) {
	return execFileSync('sqlite3', [srv.db, query], { encoding: 'utf8' })
	    .trim();
}

// The PDF at path: its SHA-256, the code printed on it, the QR's target.
async function document(page, path, name) {
	const r = await page.request.get(base + path);

	assert(r.status() === 200, `${path}: HTTP ${r.status()}`);
	const body = await r.body();
	const file = join(srv.dir, `${name}.pdf`);
	writeFileSync(file, body);
	const text = execFileSync('pdftotext', [file, '-'],
	    { encoding: 'utf8' });
	const printed = /\b([A-HJKMNP-Z]{5}-[A-HJKMNP-Z]{5})\b/.exec(text);
	assert(printed !== null, `${path}: no verify code in its text`);
	const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file],
	    { encoding: 'utf8' }))[1];
	execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', '-f', pages,
	    '-l', pages, file, join(srv.dir, `qr-${name}`)]);
	const pngs = readdirSync(srv.dir).filter((f) =>
	    f.startsWith(`qr-${name}`)).map((f) => join(srv.dir, f));
	const qr = execFileSync('zbarimg', ['-q', '--raw', ...pngs],
	    { encoding: 'utf8' }).trim().split('\n')[0];
	const m = /\/verifikasi\/([a-z]{5}-[a-z]{5})$/.exec(qr);
	assert(m !== null, `${path}: its QR code holds "${qr}"`);
	return {
		sha: createHash('sha256').update(body).digest('hex'),
		code: m[1], printed: printed[1], qr,
	};
}

async function noOverflow(page, width) {
	const w = await page.evaluate(() =>
	    document.scrollingElement.scrollWidth);

	assert(w <= width + 1, `${width}px: the page is ${w}px wide`);
}

// The page of the current URL at width: no overflow, axe.
async function fits(page, what, width) {
	await check(`${what} at ${width}px: no horizontal overflow`, () =>
	    noOverflow(page, width));
	await axeCheck(page, `${what} at ${width}px`);
}

async function walk(browser, width, docs) {
	const opts = width === 375 ? { viewport: { width: 375, height: 812 },
	    isMobile: true, hasTouch: true, deviceScaleFactor: 1 } :
	    { viewport: { width: 1280, height: 900 } };
	const { ctx, page } = await newPage(browser, `verify ${width}`, opts);

	for (const [name, d, want] of docs) {
		const ok = await check(`${width}px: the ${name}'s QR code leads ` +
		    'to its verify page: the document, its PDF\'s SHA-256, ' +
		    'matching', async () => {
			const r = await go(page, new URL(d.qr).pathname);
			assert(r.status() === 200, `HTTP ${r.status()}`);
			const t = (await page.locator('main').innerText())
			    .replace(/\s+/g, ' ');
			for (const s of [d.code, d.sha, ...want])
				assert(t.includes(s), `the page lacks "${s}"`);
			return true;
		});
		if (ok)
			await fits(page, `the ${name}'s verify page`, width);
	}
	const d = docs[0][1];
	const typed = await check(`${width}px: the code typed in capitals, ` +
	    'as printed, leads to the same page', async () => {
		await go(page, '/verifikasi');
		await page.getByLabel('Kode verifikasi').fill(d.printed);
		await Promise.all([page.waitForNavigation(),
		    page.getByRole('button', { name: 'Periksa' }).click()]);
		assert(new URL(page.url()).pathname === `/verifikasi/${d.code}`,
		    page.url());
		return true;
	});
	if (typed)
		await fits(page, 'the page reached by the form', width);
	await check(`${width}px: a code that is no document's: 404, in ` +
	    'Indonesian', async () => {
		const r = await go(page, '/verifikasi/zzzzz-zzzzz');
		assert(r.status() === 404, `HTTP ${r.status()}`);
		const t = await page.locator('main').innerText();
		assert(/Kode verifikasi tidak dikenal/.test(t), t.slice(0, 300));
	});
	await fits(page, 'the unknown code', width);
	await check(`${width}px: not a code: the form says what one is`,
	    async () => {
		await go(page, '/verifikasi');
		await page.getByLabel('Kode verifikasi').fill('12-XY');
		await Promise.all([page.waitForNavigation(),
		    page.getByRole('button', { name: 'Periksa' }).click()]);
		const t = await page.locator('main').innerText();
		assert(/terdiri atas 10 huruf/.test(t), t.slice(0, 300));
	});
	await fits(page, 'the form with its message', width);
	await ctx.close();
}

const t0 = Date.now();
srv = await check('selter serve starts with the demo and its history',
    () => startServer(exe, NOW));
if (srv === undefined)
	process.exit(plan() > 0 ? 1 : 0);
base = srv.url;
const browser = await check(`chromium starts (${CHROMIUM})`, launch);
if (browser !== undefined) {
	try {
		const { ctx, page } = await newPage(browser, 'documents');
		// the interview's result, as tests/http/pdf.sh fetches it
		const stage = 'wawancara';
		note(`${sqlite("SELECT count(*) FROM publication WHERE " +
		    `selection_id = ${PAST}`)} publications of selection ${PAST}`);
		const ann = await check('the announcement\'s PDF: its code ' +
		    'printed and its QR code (300 dpi) agree', async () => {
			const d = await document(page,
			    `/seleksi/${PAST}/pengumuman.pdf`, 'ann');
			assert(d.printed.toLowerCase() === d.code,
			    `${d.printed} printed, ${d.code} in the QR code`);
			return d;
		});
		const st = await check(`the ${stage} result's PDF: the same`,
		    async () => {
			const d = await document(page,
			    `/seleksi/${PAST}/hasil/${stage}.pdf`, 'stage');
			assert(d.printed.toLowerCase() === d.code, d.printed);
			return d;
		});
		await ctx.close();
		const docs = [];
		if (ann !== undefined)
			docs.push(['announcement', ann, ['Pengumuman seleksi',
			    'Cocok', 'Peristiwa jejak audit']]);
		if (st !== undefined)
			docs.push(['stage result', st, ['Hasil tahapan seleksi',
			    'Cocok']]);
		if (docs.length > 0) {
			await walk(browser, 1280, docs);
			await walk(browser, 375, docs);
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
const stop = await stopServer(srv, { keep: (process.env.KEEP ?? '') !== '' });
if (stop.code === 0 && stop.sig === null)
	pass('selter serve stops on SIGTERM with status 0');
else
	fail('selter serve stops on SIGTERM with status 0', JSON.stringify(stop));
note(`${Date.now() - t0} ms`);
process.exit(plan() > 0 ? 1 : 0);
