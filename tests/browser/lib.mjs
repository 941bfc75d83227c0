// lib.mjs - what the browser walk stands on: TAP output, the selter server
// it starts and stops, Chromium, and the axe-core check of a page.
//
// One TAP line per check, printed as it finishes; the plan comes last, so a
// crash halfway shows as a missing plan rather than a silent pass.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

// ---- TAP ----

let count = 0;
let failed = 0;

function diag(text) {
	for (const line of String(text).split('\n'))
		process.stdout.write(`# ${line}\n`);
}

export function pass(name) {
	count++;
	process.stdout.write(`ok ${count} - ${name}\n`);
}

export function fail(name, why) {
	count++;
	failed++;
	process.stdout.write(`not ok ${count} - ${name}\n`);
	diag(why);
}

// Runs one check: ok when fn returns, not ok (with the reason) when it
// throws.  Returns fn's value, or undefined after a failure.
export async function check(name, fn) {
	try {
		const v = await fn();
		pass(name);
		return v;
	} catch (e) {
		fail(name, e && e.stack ? e.stack : e);
		return undefined;
	}
}

// A step of the walk: once one fails, the steps after it depend on a state
// that never came, so they are reported as skipped instead of timing out.
let broken = null;

export async function step(name, fn, { breaks = true } = {}) {
	if (broken !== null) {
		count++;
		process.stdout.write(`ok ${count} - ${name} # SKIP after ` +
		    `failed check ${broken}\n`);
		return undefined;
	}
	try {
		const v = await fn();
		pass(name);
		return v;
	} catch (e) {
		fail(name, e && e.stack ? e.stack : e);
		if (breaks)
			broken = count;
		return undefined;
	}
}

export function note(text) {
	diag(text);
}

export function plan() {
	process.stdout.write(`1..${count}\n`);
	return failed;
}

export function assert(cond, why) {
	if (!cond)
		throw new Error(why);
}

// ---- dates, as selter writes them ----

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
	'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

// Day numbers since 1970-01-01 in a UTC offset (Asia/Jakarta: WIB, +7).
export function dayOf(ms, offsetHours) {
	return Math.floor((ms / 1000 + offsetHours * 3600) / 86400);
}

export function iso(day) {
	return new Date(day * 86400000).toISOString().slice(0, 10);
}

export function indonesian(day) {
	const d = new Date(day * 86400000);

	return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ` +
	    `${d.getUTCFullYear()}`;
}

// ---- the server ----

function sleep(ms) {
	return new Promise((res) => setTimeout(res, ms));
}

// Starts `selter serve` on a fresh store with the demo data and any free
// port, its clock fixed at nowIso; resolves once it listens.  Its output is
// kept, not shown.  Given the dir of a server stopped with keep, it starts
// again on that server's store.
export async function startServer(exe, nowIso, { dir: again } = {}) {
	const dir = again || mkdtempSync(join(tmpdir(), 'selter-browser-'));
	const portFile = join(dir, 'port');
	const out = [];

	rmSync(portFile, { force: true });
	const child = spawn(exe, ['serve', '--db', join(dir, 'selter.db'),
	    '--demo', '--port', '0', '--port-file', portFile, '--now',
	    nowIso], {
		env: { ...process.env, SELTER_ARGON_MEM_KIB: '8192',
		    SELTER_DEMO_HISTORY: process.env.SELTER_DEMO_HISTORY ??
		    'false' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const exited = new Promise((res) => child.on('exit',
	    (code, sig) => res({ code, sig })));
	let gone = null;

	child.stdout.on('data', (b) => out.push(b));
	child.stderr.on('data', (b) => out.push(b));
	exited.then((r) => { gone = r; });
	const srv = {
		dir, db: join(dir, 'selter.db'), child, exited,
		log: () => Buffer.concat(out).toString('utf8'),
		url: null,
	};
	for (let i = 0; i < 600 && gone === null; i++) {
		if (existsSync(portFile)) {
			const port = readFileSync(portFile, 'utf8').trim();

			if (/^[0-9]+$/.test(port)) {
				srv.url = `http://127.0.0.1:${port}`;
				return srv;
			}
		}
		await sleep(50);
	}
	child.kill('SIGKILL');
	throw new Error(`selter serve did not start (${JSON.stringify(gone)})` +
	    `\n${srv.log().slice(-4000)}`);
}

// SIGTERM, then the exit status and signal.  The store is removed unless
// keep is set.
export async function stopServer(srv, { keep = false } = {}) {
	const timer = setTimeout(() => srv.child.kill('SIGKILL'), 20000);

	srv.child.kill('SIGTERM');
	const r = await srv.exited;
	clearTimeout(timer);
	if (!keep)
		rmSync(srv.dir, { recursive: true, force: true });
	return r;
}

// ---- the browser ----

export const CHROMIUM = process.env.SELTER_CHROMIUM || '/usr/bin/chromium';

export async function launch() {
	const { chromium } = await import('playwright-core');

	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic',
		    '--no-first-run', '--disable-background-networking',
		    '--disable-component-update', '--disable-sync'],
	});
}

// ---- axe-core ----

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'),
    'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

// Runs axe-core in the page (through the DevTools protocol, so the page's
// Content-Security-Policy stays as the server sent it) and returns the
// violations, each with its impact and the elements concerned.
export async function axe(page) {
	if (!(await page.evaluate(() => typeof window.axe === 'object')))
		await page.evaluate(AXE_SOURCE);
	return page.evaluate(async (tags) => {
		const r = await window.axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations'],
		});
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice(0, 5).map((n) =>
			    n.target.join(' ') + ': ' + n.failureSummary
			    .replace(/\s+/g, ' ')),
		}));
	}, AXE_TAGS);
}

// Ids used twice: axe-core 4.x no longer reports them (WCAG 2.2 dropped
// 4.1.1), but WCAG 2.1 keeps it, and a <label for> naming a doubled id
// labels only the first of the two fields for assistive technology.
async function duplicateIds(page) {
	return page.evaluate(() => {
		const seen = new Map();

		for (const e of document.querySelectorAll('[id]'))
			seen.set(e.id, (seen.get(e.id) || 0) + 1);
		return [...seen].filter(([, n]) => n > 1).map(([id, n]) =>
		    `${id} (${n} times${document.querySelector(
		    `label[for="${CSS.escape(id)}"]`) ? ', named by a label' :
		    ''})`);
	});
}

// One TAP check: no serious or critical WCAG 2.1 A/AA violation, and no
// id used twice.  Lesser violations are shown as diagnostics only.  A gated check belongs
// to the walk and is skipped once the walk has broken.
export async function axeCheck(page, what, { gated = false } = {}) {
	const run = gated ? (n, f) => step(n, f, { breaks: false }) : check;

	return run(`axe: ${what}`, async () => {
		const vs = await axe(page);
		const bad = vs.filter((v) => BLOCKING.has(v.impact));
		const dup = await duplicateIds(page);

		if (dup.length > 0)
			bad.push({ impact: 'serious', id: 'duplicate-id',
			    help: 'ids must be unique (WCAG 2.1 4.1.1)',
			    nodes: dup });

		for (const v of vs.filter((x) => !BLOCKING.has(x.impact)))
			note(`axe ${v.impact}: ${v.id}: ${v.help}`);
		assert(bad.length === 0, `${page.url()}\n` + bad.map((v) =>
		    `${v.impact} ${v.id}: ${v.help}\n  ` +
		    v.nodes.join('\n  ')).join('\n'));
	});
}

/*
 * The page helpers of a walk: watch (5xx answers, console and page errors
 * go to problems), newPage (a context in Jakarta's time zone), go and
 * submit.  baseOf() gives the server's address at the time of the call
 * (a walk may restart the server).
 */
export function pageHelpers(problems, baseOf) {
	function watch(page, who) {
		page.setDefaultTimeout(8000);
		page.setDefaultNavigationTimeout(15000);
		page.on('response', (r) => {
			if (r.status() >= 500)
				problems.push(`${who}: ${r.status()} ${r.url()}`);
		});
		page.on('console', (m) => {
			/* Error statuses are checked where they are expected. */
			if (m.type() === 'error' &&
			    !/^Failed to load resource: the server responded/.test(
			    m.text()))
				problems.push(`${who}: console: ${m.text()}`);
		});
		page.on('pageerror', (e) => problems.push(`${who}: ${e.message}`));
		return page;
	}

	async function newPage(browser, who, opts = {}) {
		const ctx = await browser.newContext({ locale: 'id-ID',
		    timezoneId: 'Asia/Jakarta', ...opts });

		return { ctx, page: watch(await ctx.newPage(), who) };
	}

	async function go(page, path) {
		const r = await page.goto(baseOf() + path);

		assert(r !== null, `no response for ${path}`);
		return r;
	}

	// Submits a form as a person would (its button), waits for the page that
	// follows and returns that page's response.
	async function submit(page, form, button = 'button[type=submit]') {
		const [r] = await Promise.all([
			page.waitForNavigation({ waitUntil: 'load' }),
			form.locator(button).click(),
		]);

		assert(r !== null, 'the form led to no page');
		return r;
	}

	// At 375px wide (a phone), path loads (200) with no horizontal
	// overflow (the widest elements named if not) and passes axe.
	async function narrow(page, path) {
		await check(`375px: no horizontal overflow on ${path}`,
		    async () => {
			const r = await go(page, path);

			assert(r.status() === 200, `HTTP ${r.status()}`);
			const w = await page.evaluate(() =>
			    document.scrollingElement.scrollWidth);
			if (w > 376) {
				const wide = await page.evaluate(() => [...
				    document.querySelectorAll('body *')]
				    .filter((e) => e.getBoundingClientRect()
				    .right > 376).slice(0, 5).map((e) =>
				    `<${e.tagName.toLowerCase()}> ` +
				    e.textContent.slice(0, 60)));
				throw new Error(`scrollWidth ${w}:\n` +
				    wide.join('\n'));
			}
		});
		await axeCheck(page, `${path} at 375px`);
	}

	return { watch, newPage, go, submit, narrow };
}
