// walk.mjs - a selection walked in Chromium from the vacancy to the
// published announcement, as the people who do it would, every page
// checked with axe-core (WCAG 2.1 A and AA; serious or critical fails).
//
// usage: node walk.mjs path/to/selter
//
// The secretariat opens a new selection and prepares it (vacancy, plan,
// schedule, plan sent, committee, announcement); the oversight body
// records its recommendation; the administrator grants the chair and the
// PPK their roles on it; the PPK confirms the committee; the chair signs and
// publishes; a member of the public reads the announcement, on a desktop
// and on a 375-pixel phone.  Some refusals are checked on the way.  Output
// is TAP, one line per check.

import './npm.mjs';	// first: node_modules installed when missing
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const {
	assert, axeCheck, check, dayOf, fail, indonesian, iso, launch, note,
	pageHelpers, pass, plan, startServer, step, stopServer, CHROMIUM,
} = await import('./lib.mjs');

const PW = 'demo-selter';
const CHAIR_NAME = 'Dr. Siti Aminah, M.Si.';	/* the demo's ketua */
const TITLE = 'Seleksi Terbuka JPT Pratama Kabupaten Demak Tahun 2026 ' +
    '(Kepala Dinas Pendidikan)';
const VACANCY = 'Kepala Dinas Pendidikan';
const OK_MSG = 'Tersimpan dan dicatat dalam jejak audit.';

const exe = process.argv[2];
if (!exe || !existsSync(exe)) {
	process.stdout.write(`not ok 1 - usage: node walk.mjs SELTER ` +
	    `(no program at "${exe}")\n1..1\n`);
	process.exit(1);
}

// The server's clock is fixed at the moment the walk starts, so "today" is
// the same day for it and for the walk even across midnight in Jakarta.
const t0 = Date.now();
const NOW = new Date(Math.floor(t0 / 1000) * 1000).toISOString()
    .replace(/\.000Z$/, 'Z');
const TODAY = dayOf(t0, 7);			/* Asia/Jakarta, WIB */
const OPEN = TODAY, CLOSE = TODAY + 19;

const problems = [];	/* 5xx answers, console errors, page errors */
let base = '';
let sel = 0;		/* the new selection's number */

const { watch, newPage, go, submit, narrow } = pageHelpers(problems,
    () => base);

async function errText(page) {
	return (await page.locator('.msg.err').allTextContents()).join(' ');
}

async function text(page, sel_ = 'main') {
	return (await page.locator(sel_).innerText()).replace(/\s+/g, ' ');
}

// The state the preparation checklist gives a step: Selesai, Peringatan or
// Belum.
async function stepState(page, label) {
	const li = page.locator('ol.steps > li', { hasText: label });

	assert(await li.count() === 1, `no step "${label}"`);
	return (await li.locator('span').first().innerText()).trim();
}

async function stepsDone(page, labels) {
	for (const label of labels) {
		const st = await stepState(page, label);

		assert(st === 'Selesai', `step "${label}": ${st}`);
	}
}

function form(page, word) {
	return page.locator(`form[action="/kelola/${sel}/${word}"]`);
}

// One preparation form: fill, submit, expect the saved message back on the
// selection's page, then check that page with axe-core.
// The step page of the preparation that holds each form.
const SECTION = { lowongan: 'lowongan', hapuslowongan: 'lowongan',
	rencana: 'rencana', tahapan: 'rencana', hapustahapan: 'rencana',
	kirim: 'pengawas', rekomendasi: 'pengawas', konsultasi: 'pengawas',
	anggota: 'panitia', hapusanggota: 'panitia', ganti: 'panitia',
	tetapkan: 'panitia', pengumuman: 'pengumuman',
	terbitkan: 'pengumuman' };

async function save(page, who, word, what, fill) {
	await step(`${who}: ${what}`, async () => {
		if (await form(page, word).count() === 0 && SECTION[word])
			await go(page, `/kelola/${sel}/${SECTION[word]}`);
		const f = form(page, word);

		assert(await f.count() === 1, `no form "${word}" on ` +
		    page.url());
		await fill(f);
		const r = await submit(page, f);
		const err = await errText(page);

		assert(r.status() === 200 && page.url().includes('?ok=1'),
		    `HTTP ${r.status()} at ${page.url()}: ${err}`);
		assert((await text(page, '.msg.ok')).includes(OK_MSG),
		    'no saved message');
	});
	await axeCheck(page, `/kelola/${sel} as ${who}, after: ${what}`,
	    { gated: true });
}

async function login(page, who) {
	await step(`${who}: logs in`, async () => {
		await go(page, '/masuk');
		const f = page.locator('form[action="/masuk"]');

		await f.getByLabel('Nama pengguna').fill(who);
		await f.getByLabel('Kata sandi').fill(PW);
		const r = await submit(page, f);

		assert(r.status() === 200 && new URL(page.url()).pathname ===
		    '/dasbor', `HTTP ${r.status()} at ${page.url()}: ` +
		    await errText(page));
		assert((await text(page)).includes('Masuk sebagai'),
		    'the dashboard does not say who is logged in');
	});
	await axeCheck(page, `/dasbor as ${who}`, { gated: true });
}

async function logout(page, who) {
	await step(`${who}: logs out`, async () => {
		const f = page.locator('form[action="/keluar"]');
		const r = await submit(page, f);

		assert(r.status() === 200 && new URL(page.url()).pathname ===
		    '/', `HTTP ${r.status()} at ${page.url()}`);
		assert(await page.locator('header a[href="/masuk"]').count() ===
		    1, 'no "Masuk" link after logging out');
	});
}

// Opens the new selection from the dashboard's list, as a person would.
async function openSelection(page, who) {
	await step(`${who}: opens the selection from the dashboard`,
	    async () => {
		const link = page.locator(`main a[href="/kelola/${sel}"]`);

		assert(await link.count() === 1, 'the dashboard does not ' +
		    `list selection ${sel}`);
		await Promise.all([page.waitForNavigation(), link.click()]);
		assert((await text(page, 'h1')) === TITLE,
		    `heading is "${await text(page, 'h1')}"`);
	});
	await axeCheck(page, `/kelola/${sel} as ${who}`, { gated: true });
}

// ---- the secretariat ----

async function secretariat(browser) {
	const { ctx, page } = await newPage(browser, 'sekretariat');
	const who = 'sekretariat';

	await login(page, who);
	await step(`${who}: opens the password page`, async () => {
		const link = page.locator('header a[href="/akun/sandi"]');

		await Promise.all([page.waitForNavigation(), link.click()]);
		assert((await text(page, 'h1')) === 'Ganti kata sandi',
		    page.url());
	}, { breaks: false });
	await axeCheck(page, '/akun/sandi', { gated: true });
	await go(page, '/dasbor');
	await step(`${who}: opens a new selection from the dashboard`,
	    async () => {
		const f = page.locator('form[action="/kelola/baru"]');

		await f.getByLabel('Judul seleksi').fill(TITLE);
		const r = await submit(page, f);
		const m = /\/kelola\/([0-9]+)$/.exec(page.url());

		assert(r.status() === 200 && m !== null,
		    `HTTP ${r.status()} at ${page.url()}`);
		sel = Number(m[1]);
		assert((await text(page, 'h1')) === TITLE, 'wrong heading');
		note(`the new selection is number ${sel}`);
	});
	await axeCheck(page, `/kelola/${sel} as ${who}, new`, { gated: true });

	await save(page, who, 'lowongan', `adds the vacancy ${VACANCY}`,
	    async (f) => {
		await f.getByLabel('Nama jabatan').fill(VACANCY);
		await f.locator('[name=level]').selectOption('jpt_pratama');
		await f.locator('[name=echelon]').selectOption('II.b');
		await f.locator('[name=kind]').selectOption('agency_head');
		await f.locator('[name=field]').fill('pendidikan');
		await f.locator('[name=reason]').selectOption('pensiun');
		await f.locator('[name=reason_note]').fill('Pejabat lama ' +
		    'memasuki batas usia pensiun.');
	});
	await step(`${who}: the vacancy is listed with its reason`,
	    async () => {
		const t = await text(page, '#lowongan + .scroll table');

		assert(t.includes(VACANCY) && t.includes('II.b') &&
		    t.includes('Pensiun'), t);
	});

	const plan = {
		duties: 'Tugas yang diketik sebelum ditolak.',
		standard: 'Standar yang diketik sebelum ditolak.',
		methods: 'Metode yang diketik sebelum ditolak.',
		system: 'Sistem yang diketik sebelum ditolak.',
		w_paper: '20', w_assessment: 'dua puluh lima',
		w_interview: '35', w_track_record: '20',
	};
	await step(`${who}: a plan refused for one weight (400) comes back ` +
	    'with everything typed in it, the error beside that weight',
	    async () => {
		await go(page, `/kelola/${sel}/rencana`);
		const f = form(page, 'rencana');

		for (const [k, v] of Object.entries(plan))
			await f.locator(`[name=${k}]`).fill(v);
		const r = await submit(page, f);
		const g = form(page, 'rencana');

		assert(r.status() === 400, `HTTP ${r.status()}`);
		for (const [k, v] of Object.entries(plan))
			assert(await g.locator(`[name=${k}]`).inputValue() === v,
			    `${k}: "${await g.locator(`[name=${k}]`)
			    .inputValue()}", typed "${v}"`);
		const bad = g.locator('[name=w_assessment]');
		assert(await bad.getAttribute('aria-invalid') === 'true',
		    'the weight is not marked invalid');
		const id = await bad.getAttribute('aria-describedby');
		assert((await g.locator(`#${id}`).innerText()).includes(
		    'Bobot assessment center harus angka'), 'no error beside');
		assert(await g.locator('[aria-invalid]').count() === 1,
		    'another field is marked invalid');
	});
	await axeCheck(page, `/kelola/${sel}/rencana refused`, { gated: true });
	await save(page, who, 'rencana', 'fills the plan, weights 20/25/35/20',
	    async (f) => {
		await f.locator('[name=duties]').fill('Memimpin ' +
		    'penyelenggaraan urusan pemerintahan bidang pendidikan.');
		await f.locator('[name=standard]').fill('Standar kompetensi ' +
		    'manajerial, sosial kultural dan teknis sesuai ' +
		    'Peraturan Bupati.');
		await f.locator('[name=methods]').fill('Makalah, assessment ' +
		    'center, wawancara, penelusuran rekam jejak.');
		await f.locator('[name=system]').fill('Pendaftaran dan ' +
		    'pengumuman daring melalui selter.');
		await f.locator('[name=w_paper]').fill('20');
		await f.locator('[name=w_assessment]').fill('25');
		await f.locator('[name=w_interview]').fill('35');
		await f.locator('[name=w_track_record]').fill('20');
	});
	await step(`${who}: the weights pass SCORE-WEIGHTS and SCORE-WEIGHTS-SUM`,
	    async () => {
		const rules = page.locator('#rencana + ul.rules li.rule');
		const all = await rules.allInnerTexts();

		assert(all.length >= 2, `rules shown: ${all.join(' | ')}`);
		assert(await page.locator('#rencana + ul.rules li.rule.fail')
		    .count() === 0, all.join(' | '));
		assert(all.join(' ').includes('SCORE-WEIGHTS-SUM'),
		    all.join(' | '));
	});

	const stages = [['administrative', 3], ['paper', 7],
	    ['track_record', 9], ['assessment', 12], ['interview', 16],
	    ['health', 18], ['result', 21]];
	for (const [stage, k] of stages)
		await save(page, who, 'tahapan', `schedules the ${stage} stage`,
		    async (f) => {
			await f.locator('[name=stage]').selectOption(stage);
			await f.locator('[name=starts_on]').fill(
			    iso(CLOSE + k));
			await f.locator('[name=ends_on]').fill(
			    iso(CLOSE + k + 1));
		});
	await step(`${who}: the schedule holds the 7 stages, dates in ` +
	    'Indonesian', async () => {
		const table = page.getByRole('table',
		    { name: 'Jadwal tahapan' });
		const rows = table.locator('tbody tr');
		const t = (await table.innerText()).replace(/\s+/g, ' ');

		assert(await rows.count() === 7, `rows: ${await rows.count()}`);
		assert(t.includes(indonesian(CLOSE + 3)), t);
	});

	await save(page, who, 'kirim', 'records the plan sent to the ' +
	    'oversight body', async (f) => {
		await f.locator('[name=date]').fill(iso(TODAY));
		await f.locator('[name=ref]').fill('800/1301/BKPSDM');
	});
	await step(`${who}: vacancy, plan and plan sent are done`,
	    async () => {
		await stepsDone(page, ['Lowongan dan alasannya',
		    'Rencana pelaksanaan seleksi',
		    'Rencana dikirim ke instansi pengawas']);
	});

	// The committee is people: the chair is the ketua account, the
	// others are invited by e-mail when the PPK confirms.
	const members = [
		['Dr. Siti Aminah, M.Si.', 'academic', '', true, false,
		    'login', 'ketua'],
		['Ir. Joko Prasetyo, M.T.', 'internal', 'II.a', false, false,
		    'email', 'joko@example.org'],
		['Drs. Hadi Purnomo, M.Si.', 'internal', 'II.b', false, false,
		    'email', 'hadi@example.org'],
		['Dr. Retno Wulandari, M.Kes.', 'other_agency', 'II.a', false,
		    false, 'email', 'retno@example.org'],
		['Dra. Endang Lestari, Psikolog', 'professional', '', false,
		    true, 'email', 'endang@example.org'],
	];
	for (const [name, origin, ech, chair, assessor, key, val] of members)
		await save(page, who, 'anggota', `adds committee member ${name}`,
		    async (f) => {
			await f.locator('[name=name]').fill(name);
			await f.locator(`[name=${key}]`).fill(val);
			await f.locator('[name=origin]').selectOption(origin);
			await f.locator('[name=echelon]').selectOption(ech);
			if (chair)
				await f.locator('[name=chair]').check();
			if (assessor)
				await f.locator('[name=assessor]').check();
			for (const box of await f.locator('[name=decl]').all())
				await box.check();
		});
	await step(`${who}: the committee meets every COM-* rule`, async () => {
		const rules = page.locator('#panitia ~ ul.rules').first()
		    .locator('li.rule');
		const all = await rules.allInnerTexts();

		assert(all.length > 0, 'no COM-* result shown');
		assert(all.every((r) => r.startsWith('Memenuhi')),
		    all.filter((r) => !r.startsWith('Memenuhi')).join('\n'));
		assert(all.join(' ').includes('COM-'), all.join('\n'));
	});

	await save(page, who, 'pengumuman', 'fills the announcement, every ' +
	    'content item ticked', async (f) => {
		await f.locator('[name=number]').fill('800/1310/PANSEL/2026');
		await f.locator('[name=open]').fill(iso(OPEN));
		await f.locator('[name=close]').fill(iso(CLOSE));
		for (const box of await f.locator('[name=item]').all())
			await box.check();
		await f.locator('[name=text]').fill('Berkas dikirim melalui ' +
		    'selter. Seleksi tidak dipungut biaya.');
	});
	await step(`${who}: the window passes ANN-DURATION`, async () => {
		const t = await text(page, '#pengumuman + ul.rules');

		assert(t.startsWith('Memenuhi') && t.includes('ANN-DURATION') &&
		    t.includes('Pasal 9 ayat (2)'), t);
		await stepsDone(page, ['Isi pengumuman lengkap',
		    'Jangka waktu pendaftaran']);
		const st = await stepState(page, 'Panitia seleksi ditetapkan');
		assert(st === 'Belum', `committee step: ${st}`);
	});
	await check(`${who}: does not see the publish form`, async () => {
		assert(await form(page, 'terbitkan').count() === 0,
		    'the publish form is shown to the secretariat');
		assert(await page.getByRole('button',
		    { name: 'Tandatangani dan terbitkan' }).count() === 0,
		    'the publish button is shown to the secretariat');
	});
	await check(`${who}: publishing anyway is refused (403)`, async () => {
		/* The form the secretariat is not shown, posted by hand. */
		const [r] = await Promise.all([
			page.waitForNavigation(),
			page.evaluate((action) => {
				const f = document.createElement('form');
				const add = (n, v) => {
					const i = document.createElement(
					    'input');
					i.type = 'hidden';
					i.name = n;
					i.value = v;
					f.append(i);
				};
				f.method = 'post';
				f.action = action;
				add('csrf', document.querySelector(
				    'input[name=csrf]').value);
				add('confirm', '1');
				document.body.append(f);
				f.submit();
			}, `/kelola/${sel}/terbitkan`),
		]);
		assert(r.status() === 403, `HTTP ${r.status()}`);
		assert((await errText(page)).includes('Peran Anda tidak ' +
		    'mengizinkan'), await errText(page));
	});
	await axeCheck(page, 'the 403 page');
	await go(page, `/kelola/${sel}`);
	await logout(page, who);
	await ctx.close();
}

// ---- the oversight body, the administrator, the PPK, the chair ----

async function oversight(browser) {
	const who = 'pengawas';
	const { ctx, page } = await newPage(browser, who);

	await login(page, who);
	await openSelection(page, who);
	await save(page, who, 'rekomendasi', 'records the recommendation',
	    async (f) => {
		await f.locator('[name=date]').fill(iso(TODAY));
		await f.locator('[name=ref]').fill('B-3201/JP.00/2026');
		await f.locator('[name=text]').fill('Dapat dilanjutkan sesuai ' +
		    'rencana.');
	});
	await step(`${who}: the recommendation step is done`, async () => {
		await stepsDone(page, ['Rekomendasi instansi pengawas']);
	});
	await step(`${who}: reads the audit trail`, async () => {
		const link = page.getByRole('link', { name: 'Jejak audit' });

		await Promise.all([page.waitForNavigation(), link.click()]);
		const t = await text(page, 'ol.events');

		/* in words, as labelled fields, in WIB; never a code or JSON */
		assert(t.includes('Rekomendasi instansi pengawas dicatat') &&
		    t.includes('Pengiriman rencana kepada instansi pengawas ' +
		    'dicatat') && t.includes('Nomor surat') &&
		    / pukul \d\d\.\d\d WIB/.test(t), t.slice(0, 400));
		assert(!/recommendation|plan_sent|\{"|UTC/.test(t),
		    t.slice(0, 400));
	});
	await axeCheck(page, `/kelola/${sel}/jejak as ${who}`,
	    { gated: true });
	await logout(page, who);
	await ctx.close();
}

async function admin(browser) {
	const who = 'admin';
	const { ctx, page } = await newPage(browser, who);

	await login(page, who);
	await step(`${who}: opens the administration page`, async () => {
		const link = page.locator('header a[href="/admin"]');

		await Promise.all([page.waitForNavigation(), link.click()]);
		assert((await text(page, 'h1')) === 'Administrasi',
		    page.url());
	});
	await axeCheck(page, '/admin', { gated: true });
	// The chair's grant comes from the committee, not from here.
	for (const [login_, role] of [['ppk', 'ppk']])
		await step(`${who}: grants ${role} on selection ${sel} to ` +
		    login_, async () => {
			const f = page.locator('form[action="/admin/peran"]');

			await f.getByLabel('Nama pengguna').fill(login_);
			await f.getByLabel('Kode wilayah').fill('demak');
			await f.getByLabel('Nomor seleksi').fill(String(sel));
			await f.getByLabel('Peran').selectOption(role);
			const r = await submit(page, f);

			assert(r.status() === 200 &&
			    page.url().endsWith('/admin?ok=1'),
			    `HTTP ${r.status()} at ${page.url()}: ` +
			    await errText(page));
		});
	await axeCheck(page, '/admin after the grants', { gated: true });
	await logout(page, who);
	await ctx.close();
}

async function ppk(browser) {
	const who = 'ppk';
	const { ctx, page } = await newPage(browser, who);

	await login(page, who);
	await openSelection(page, who);
	await check(`${who}: does not see the secretariat's forms`,
	    async () => {
		for (const w of ['lowongan', 'rencana', 'anggota',
		    'pengumuman', 'terbitkan'])
			assert(await form(page, w).count() === 0,
			    `form "${w}" is shown to the PPK`);
	});
	await save(page, who, 'tetapkan', 'confirms the committee',
	    async (f) => {
		await f.locator('[name=date]').fill(iso(TODAY));
		await f.locator('[name=ref]').fill('Keputusan Bupati Demak ' +
		    'Nomor 800/91/2026');
	});
	await step(`${who}: the committee shows as confirmed`, async () => {
		const t = await text(page, 'main');

		assert(t.includes('Ditetapkan oleh PPK: Keputusan Bupati'), t);
		await stepsDone(page, ['Panitia seleksi ditetapkan']);
		assert(t.includes('Semua langkah selesai'), 'not every ' +
		    'step is done: ' + await text(page, 'ol.steps'));
	});
	await logout(page, who);
	await ctx.close();
}

async function chair(browser) {
	const who = 'ketua';
	const { ctx, page } = await newPage(browser, who);

	await login(page, who);
	await openSelection(page, who);
	await step(`${who}: publishing without ticking the signature is ` +
	    'refused', async () => {
		await go(page, `/kelola/${sel}/pengumuman`);
		const f = form(page, 'terbitkan');
		const r = await submit(page, f);

		assert(r.status() === 400, `HTTP ${r.status()}`);
		assert((await errText(page)).includes('Centang pernyataan'),
		    await errText(page));
	});
	await axeCheck(page, `/kelola/${sel}/terbitkan refused`,
	    { gated: true });
	await save(page, who, 'terbitkan', 'ticks the signature and publishes',
	    async (f) => {
		await f.getByLabel(/menandatangani pengumuman ini/).check();
	});
	await step(`${who}: the page says published and signed by the chair`,
	    async () => {
		const t = await text(page, '#pengumuman ~ p');

		assert(t.includes('Diterbitkan') && t.includes(CHAIR_NAME), t);
	});
	await logout(page, who);
	await ctx.close();
}

// ---- the public ----

async function publicReader(browser) {
	const who = 'public';
	const { ctx, page } = await newPage(browser, who);

	await step(`${who}: the home page lists the new selection`,
	    async () => {
		await go(page, '/');
		const link = page.locator(`a[href="/seleksi/${sel}"]`);

		assert(await link.count() === 1, await text(page));
		assert((await link.innerText()).trim() === TITLE,
		    await link.innerText());
		const card = await page.locator('ul.cards li', { has: link })
		    .innerText();
		assert(card.includes('Pendaftaran dibuka') &&
		    card.includes(indonesian(OPEN)) &&
		    card.includes(indonesian(CLOSE)), card);
	});
	await axeCheck(page, '/ with the new selection', { gated: true });
	await step(`${who}: opens the announcement`, async () => {
		const link = page.locator(`a[href="/seleksi/${sel}"]`);

		await Promise.all([page.waitForNavigation(), link.click()]);
		assert((await text(page, 'h1')) === TITLE, page.url());
	});
	await axeCheck(page, `/seleksi/${sel}`, { gated: true });
	await step(`${who}: the announcement shows the vacancy`, async () => {
		const t = await page.getByRole('table', { name: 'Lowongan' })
		    .innerText();

		assert(t.includes(VACANCY) && t.includes('II.b'), t);
	});
	await step(`${who}: the window is written the Indonesian way ` +
	    `(${indonesian(OPEN)} sampai ${indonesian(CLOSE)})`, async () => {
		const t = await text(page, 'p.state');

		assert(t.includes(`${indonesian(OPEN)} sampai ` +
		    `${indonesian(CLOSE)}`), t);
		assert(!/\d{4}-\d{2}-\d{2}/.test(await text(page)),
		    'an ISO date is shown');
	});
	await step(`${who}: ANN-DURATION is shown with Pasal 9 ayat (2)`,
	    async () => {
		const r = page.locator('li.rule', { hasText: 'ANN-DURATION' });
		const t = await r.innerText();

		assert(t.startsWith('Memenuhi') &&
		    (await r.locator('cite').innerText()).includes(
		    'Pasal 9 ayat (2)'), t);
	});
	await step(`${who}: the announcement is signed by the chair`,
	    async () => {
		const t = await text(page, 'p.sign');

		assert(t.includes('Ketua Panitia Seleksi') &&
		    t.includes(CHAIR_NAME), t);
	});
	await ctx.close();
}

// A phone 375 pixels wide: nothing wider than the screen.
async function mobile(browser) {
	const { ctx, page } = await newPage(browser, 'phone', {
		viewport: { width: 375, height: 812 }, isMobile: true,
		hasTouch: true, deviceScaleFactor: 2 });
	const paths = ['/', `/seleksi/${sel || 1}`, '/seleksi/1', '/masuk'];

	for (const path of paths) {
		await narrow(page, path);
	}
	await ctx.close();
}

// Before anyone logs in: the demo's pages, a wrong password, a draft.
async function negatives(browser) {
	const { ctx, page } = await newPage(browser, 'visitor');

	await check('public: the home page lists the demo\'s published ' +
	    'selection', async () => {
		const r = await go(page, '/');

		assert(r.status() === 200, `HTTP ${r.status()}`);
		assert(await page.locator('a[href="/seleksi/1"]').count() === 1,
		    await text(page));
		assert(await page.locator('a[href="/seleksi/2"]').count() === 0,
		    'the unsigned selection 2 is listed');
	});
	await axeCheck(page, '/ (demo)');
	await check('public: the unsigned announcement is not found (404)',
	    async () => {
		const r = await go(page, '/seleksi/2');

		assert(r.status() === 404, `HTTP ${r.status()}`);
	});
	await axeCheck(page, 'the 404 page');
	await check('login: the login page answers', async () => {
		const r = await go(page, '/masuk');

		assert(r.status() === 200, `HTTP ${r.status()}`);
	});
	await axeCheck(page, '/masuk');
	await check('login: a wrong password shows the Indonesian error',
	    async () => {
		const f = page.locator('form[action="/masuk"]');

		await f.getByLabel('Nama pengguna').fill('sekretariat');
		await f.getByLabel('Kata sandi').fill('bukan-sandinya');
		const r = await submit(page, f);

		assert(r.status() === 400, `HTTP ${r.status()}`);
		assert(await errText(page) === 'Nama pengguna atau kata ' +
		    'sandi salah.', await errText(page));
		assert(await page.locator('[role=alert]').count() === 1,
		    'the error is not announced (role=alert)');
		assert(await page.context().cookies().then((cs) =>
		    !cs.some((c) => c.name === 'sid')), 'a session was made');
	});
	await axeCheck(page, '/masuk with the error');
	await ctx.close();
}

async function noGrantYet(browser) {
	const who = 'ketua';
	const { ctx, page } = await newPage(browser, who);

	await login(page, who);
	await step(`${who}: without a grant, selection ${sel} is refused ` +
	    '(403)', async () => {
		assert(await page.locator(`main a[href="/kelola/${sel}"]`)
		    .count() === 0, 'the dashboard lists it');
		const r = await go(page, `/kelola/${sel}`);

		assert(r.status() === 403, `HTTP ${r.status()}`);
		assert((await errText(page)).includes('tidak mencakup'),
		    await errText(page));
	}, { breaks: false });
	await ctx.close();
}

// ---- the walk ----

const srv = await check('selter serve starts on a fresh store with the ' +
    'demo data', () => startServer(exe, NOW));
if (srv === undefined) {
	process.exit(plan() > 0 ? 1 : 0);
}
base = srv.url;
note(`server ${base}, now ${NOW}, today ${iso(TODAY)} (WIB)`);

const browser = await check(`chromium starts (${CHROMIUM})`, launch);
if (browser !== undefined) {
	try {
		await negatives(browser);
		await secretariat(browser);
		await oversight(browser);
		await noGrantYet(browser);
		await admin(browser);
		await ppk(browser);
		await chair(browser);
		await publicReader(browser);
		await mobile(browser);
	} catch (e) {
		fail('the walk ran to its end', e && e.stack ? e.stack : e);
	}
	await browser.close();
}
await check('no 5xx answer, console error or CSP violation on any page',
    async () => {
	assert(problems.length === 0, problems.join('\n'));
});
const stop = await stopServer(srv);
if (stop.code === 0 && stop.sig === null)
	pass('selter serve stops on SIGTERM with status 0');
else
	fail('selter serve stops on SIGTERM with status 0',
	    `exit ${JSON.stringify(stop)}\n${srv.log().slice(-6000)}`);
process.exit(plan() > 0 ? 1 : 0);
