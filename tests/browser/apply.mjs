// apply.mjs - the applicant's journey and the administrative selection in
// Chromium, every page checked with axe-core (WCAG 2.1 A and AA; serious
// or critical fails) and the public ones at 375 pixels.
//
// usage: node apply.mjs path/to/selter
//
// While registration is open, an applicant registers (a first try with a
// birth date that does not agree with the NIP), confirms the e-mail with
// the token the outbox holds (read with sqlite3, as the mailer would send
// it), logs in with the NIP, pastes the record (a broken one first), then
// edits it in the form (/pelamar/data/isian, filled from the import): adds
// an education row and a post row with "Tambah baris", is refused a post
// that ends before it starts, saves and reads the record's summary; reads
// the vacancy's verdict and applies.  The server then restarts on the same
// store with its clock after the closing date: the secretariat opens the
// queue and the application and checks the file, a member decides, the
// chair signs the result; the public reads the registrants and the result,
// the applicant the decision; a complaint is sent and answered.  Then every
// role walks every page it is offered (roles.mjs): no overflow at 1280 and
// 375 pixels, axe-core, no UTC time or internal code.  Output is TAP, one
// line per check.

import './npm.mjs';	// first: node_modules installed when missing
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const {
	assert, axeCheck, check, fail, launch, note, pageHelpers, pass, plan,
	startServer, step, stopServer, CHROMIUM,
} = await import('./lib.mjs');
const { everyRole } = await import('./roles.mjs');

const PW = 'demo-selter';
const APPLICANT = {
	nip: '197407072000032005', birth: '1974-07-07', tmt: '2000-03',
	name: 'Ratna Sari, S.KM.', email: 'ratna@example.org',
	password: 'rahasia-ratna-1',
};
const RECORD = JSON.stringify({
	nip: APPLICANT.nip, name: 'Ratna Sari', birth_date: APPLICANT.birth,
	employment: 'pns', agency: { name: 'Pemerintah Kabupaten Demak',
	    kind: 'regency', province: 'Jawa Tengah' }, grade: 'IV/a',
	education: [{ level: 'S2', major: 'Kesehatan' }],
	posts: [{ title: 'Sekretaris Dinas', kind: 'structural',
	    echelon: 'III.a', fields: ['kesehatan'], start: '2015-01-02',
	    end: null }],
}, null, 2);
const REASON = 'Memenuhi persyaratan administrasi; berkas lengkap.';
const OVERRIDE = 'Riwayat disiplin dan kinerja diperiksa dari dokumen aslinya.';
const OK_MSG = 'Tersimpan dan dicatat dalam jejak audit.';

const exe = process.argv[2];
if (!exe || !existsSync(exe)) {
	process.stdout.write(`not ok 1 - usage: node apply.mjs SELTER ` +
	    `(no program at "${exe}")\n1..1\n`);
	process.exit(1);
}

// The server's clock is fixed at the moment the test starts, so "today"
// does not move under it.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString()
    .replace(/\.000Z$/, 'Z');

const problems = [];	/* 5xx answers, console errors, page errors */
let base = '';
let srv;
let regNo = '';		/* the application's registration number */
let appPath = '';	/* its receipt, /pelamar/lamaran/N */
let appId = 0;
let complaint = '';	/* /pengaduan?no=ADU-... */

const { watch, newPage, go, submit, narrow } = pageHelpers(problems,
    () => base);

async function follow(page, link) {
	assert(await link.count() === 1, `${await link.count()} links`);
	const [r] = await Promise.all([page.waitForNavigation(),
	    link.click()]);
	return r;
}

async function errText(page) {
	return (await page.locator('.msg.err').allTextContents()).join(' ');
}

async function text(page, sel_ = 'main') {
	return (await page.locator(sel_).innerText()).replace(/\s+/g, ' ');
}

function path(page) {
	const u = new URL(page.url());

	return u.pathname + u.search;
}

function sqlite(query) {
	return execFileSync('sqlite3', [srv.db, query], { encoding: 'utf8' })
	    .trim();
}

async function login(page, who, login_, password) {
	await step(`${who}: logs in`, async () => {
		await go(page, '/masuk');
		const f = page.locator('form[action="/masuk"]');

		await f.getByLabel('Nama pengguna').fill(login_);
		await f.getByLabel('Kata sandi').fill(password);
		const r = await submit(page, f);

		assert(r.status() === 200, `HTTP ${r.status()} at ` +
		    `${page.url()}: ${await errText(page)}`);
	});
}

// ---- the applicant, registration open ----

async function applicant(browser) {
	const who = 'applicant';
	const { ctx, page } = await newPage(browser, who);
	const reg = page.locator('form[action="/daftar"]');
	const fill = async (birth) => {
		await reg.getByLabel('NIP (18 angka)').fill(APPLICANT.nip);
		await reg.getByLabel('Nama lengkap dengan gelar')
		    .fill(APPLICANT.name);
		await reg.getByLabel('Tanggal lahir').fill(birth);
		await reg.getByLabel('TMT CPNS (TTTT-BB)').fill(APPLICANT.tmt);
		await reg.getByLabel('Alamat surel').fill(APPLICANT.email);
		await reg.getByLabel('Kata sandi (paling sedikit 10 karakter)')
		    .fill(APPLICANT.password);
		await reg.getByLabel('Ulangi kata sandi')
		    .fill(APPLICANT.password);
	};

	await step(`${who}: opens the registration from the login page`,
	    async () => {
		await go(page, '/masuk');
		await follow(page, page.locator('main a[href="/daftar"]'));
		assert((await text(page, 'h1')) === 'Daftar sebagai pelamar',
		    await text(page, 'h1'));
	});
	await axeCheck(page, '/daftar', { gated: true });
	await step(`${who}: a birth date that does not agree with the NIP ` +
	    'is refused (400)', async () => {
		await fill('1974-07-08');
		const r = await submit(page, reg);

		assert(r.status() === 400, `HTTP ${r.status()}`);
		assert((await errText(page)).includes('Delapan angka pertama ' +
		    'NIP (19740707) tidak sesuai dengan tanggal lahir.'),
		    await errText(page));
		assert(await page.locator('[role=alert]').count() === 1,
		    'the error is not announced (role=alert)');
		assert(sqlite('SELECT count(*) FROM applicant WHERE nip = ' +
		    `'${APPLICANT.nip}'`) === '0', 'an applicant was stored');
	}, { breaks: false });
	await axeCheck(page, '/daftar with the error', { gated: true });
	await step(`${who}: registers`, async () => {
		await fill(APPLICANT.birth);
		const r = await submit(page, reg);

		assert(r.status() === 200, `HTTP ${r.status()}: ` +
		    await errText(page));
		assert((await text(page, '.msg.ok')).includes('Periksa surel Anda.'),
		    await text(page));
	});
	await axeCheck(page, 'registration accepted', { gated: true });
	await step(`${who}: confirms with the link of the outbox's mail`,
	    async () => {
		const body = sqlite('SELECT body FROM outbox WHERE to_addr = ' +
		    `'${APPLICANT.email}' ORDER BY id DESC LIMIT 1`);
		const m = /\/konfirmasi\?t=[A-Za-z0-9_-]+/.exec(body);

		assert(m !== null, `no link in the mail:\n${body}`);
		const r = await go(page, m[0]);
		assert(r.status() === 200, `HTTP ${r.status()}: ` +
		    await errText(page));
		assert((await text(page, 'h1')) === 'Alamat surel ' +
		    'dikonfirmasi', await text(page, 'h1'));
	});
	await axeCheck(page, '/konfirmasi', { gated: true });
	await login(page, who, APPLICANT.nip, APPLICANT.password);
	await step(`${who}: lands on /pelamar with the NIP and the open ` +
	    'vacancy', async () => {
		const t = await text(page);

		assert(path(page) === '/pelamar', page.url());
		assert(t.includes(APPLICANT.nip) && t.includes(APPLICANT.name),
		    t);
		assert(await page.locator('a[href="/pelamar/lowongan/1"]')
		    .count() === 1, 'the open vacancy is not listed');
	});
	await axeCheck(page, '/pelamar', { gated: true });
	await step(`${who}: opens the record page`, async () => {
		await follow(page, page.getByRole('link',
		    { name: 'Isi atau ganti data riwayat' }));
		assert(path(page) === '/pelamar/data', page.url());
	});
	await axeCheck(page, '/pelamar/data', { gated: true });
	await step(`${who}: a record with a broken line 3 is refused, ` +
	    'naming the line', async () => {
		const f = page.locator('form[action="/pelamar/data"]');
		const broken = RECORD.split('\n').map((l, i) => i === 2 ?
		    l.replace('":', '"') : l).join('\n');

		await f.getByLabel('atau isi JSON').fill(broken);
		const r = await submit(page, f);
		assert(r.status() === 400, `HTTP ${r.status()}`);
		assert((await errText(page)).includes('(baris 3:'),
		    await errText(page));
	}, { breaks: false });
	await axeCheck(page, '/pelamar/data with the error', { gated: true });
	await step(`${who}: pastes the record`, async () => {
		const f = page.locator('form[action="/pelamar/data"]');

		await f.getByLabel('atau isi JSON').fill(RECORD);
		const r = await submit(page, f);
		assert(r.status() === 200 && path(page) === '/pelamar?ok=1',
		    `HTTP ${r.status()} at ${page.url()}: ` +
		    await errText(page));
		assert((await text(page, '.msg.ok')) === 'Tersimpan.',
		    await text(page));
	});
	await axeCheck(page, '/pelamar after the record', { gated: true });
	await recordForm(page, who);
	await step(`${who}: opens the vacancy: every ELIG-* rule with its ` +
	    'citation', async () => {
		await follow(page, page.locator('a[href="/pelamar/lowongan/1"]'));
		const rules = page.locator('ul.rules li.rule');
		const n = await rules.count();
		const all = await rules.allInnerTexts();

		assert(n >= 10, `${n} rules: ${all.join(' | ')}`);
		for (let i = 0; i < n; i++) {
			const li = rules.nth(i);
			const code = await li.locator('code').innerText();
			const cite = await li.locator('cite').innerText();

			assert(/^ELIG-[A-Z0-9-]+$/.test(code), code);
			assert(cite.includes('Perbup Demak 47/2022'),
			    `${code}: "${cite}"`);
		}
		assert((await text(page, 'p.lead')) === 'Belum lengkap',
		    await text(page, 'p.lead'));
	});
	await axeCheck(page, '/pelamar/lowongan/1', { gated: true });
	await step(`${who}: applies and reads the receipt`, async () => {
		const f = page.locator('form[action="/pelamar/lowongan/1/' +
		    'daftar"]');
		const r = await submit(page, f);
		const m = /^\/pelamar\/lamaran\/([0-9]+)$/.exec(path(page));

		assert(r.status() === 200 && m !== null, `HTTP ${r.status()} ` +
		    `at ${page.url()}: ${await errText(page)}`);
		appPath = m[0];
		appId = Number(m[1]);
		const t = await text(page, 'table');
		const y = sqlite('SELECT substr(ann_open, 1, 4) FROM ' +
		    'selection WHERE id = 1');
		regNo = `DEMAK-${y}-1-0001`;
		assert(t.includes(regNo) && t.includes(APPLICANT.name) &&
		    t.includes('Kepala Dinas Kesehatan') &&
		    t.includes('terkirim'), t);
		note(`registration number ${regNo}, ${appPath}`);
	});
	await axeCheck(page, 'the receipt', { gated: true });
	await step(`${who}: the receipt mail is in the outbox`, async () => {
		const n = sqlite('SELECT count(*) FROM outbox WHERE to_addr = ' +
		    `'${APPLICANT.email}' AND body LIKE '%${regNo}%'`);

		assert(n === '1', `${n} mails`);
	});
	await ctx.close();
}

// The record in the form: filled from the import, rows added, a refused
// save, a good one, the summary.
async function recordForm(page, who) {
	const form = page.locator('form[action="/pelamar/data/isian"]');
	const save = 'button:has-text("Simpan data riwayat")';
	const stored = () => sqlite('SELECT record FROM applicant WHERE ' +
	    `nip = '${APPLICANT.nip}'`);
	const before = stored();

	await step(`${who}: opens the record form, filled from the import`,
	    async () => {
		await follow(page, page.getByRole('link',
		    { name: 'Isi atau ubah data riwayat dengan formulir' }));
		assert(path(page) === '/pelamar/data/isian', page.url());
		assert(await form.getByLabel('Nama lengkap').inputValue() ===
		    'Ratna Sari', 'the name is not filled in');
		assert(await form.getByLabel('Pangkat/golongan').inputValue() ===
		    'IV/a', 'the grade is not selected');
		const post = form.getByRole('group', { name: 'Jabatan 1' });
		assert(await post.getByLabel('Nama jabatan').inputValue() ===
		    'Sekretaris Dinas', 'the post is not filled in');
		assert(await post.getByLabel('Eselon').inputValue() === 'III.a',
		    'the echelon is not selected');
		assert((await text(page)).includes(APPLICANT.nip) &&
		    await page.locator('[name="nip"], [name="birth_date"]')
		    .count() === 0, 'the NIP is not shown, or is a field');
	});
	await axeCheck(page, '/pelamar/data/isian', { gated: true });
	await step(`${who}: "Tambah baris pendidikan" keeps what was typed ` +
	    'and stores nothing', async () => {
		await form.getByLabel('Provinsi instansi').fill('Jawa Tengah');
		await form.getByRole('group', { name: 'Jabatan 2' })
		    .getByLabel('Nama jabatan').fill('Kepala Seksi Pelayanan');
		const r = await submit(page, form,
		    'button:has-text("Tambah baris pendidikan")');
		assert(r.status() === 200, `HTTP ${r.status()}`);
		assert((await text(page, '.msg.ok')).includes('Data belum ' +
		    'disimpan'), await text(page));
		assert(await form.getByRole('group', { name: 'Pendidikan 3' })
		    .count() === 1, 'no third education row');
		assert(await form.getByRole('group', { name: 'Jabatan 2' })
		    .getByLabel('Nama jabatan').inputValue() ===
		    'Kepala Seksi Pelayanan', 'the typed title is lost');
		assert(stored() === before, 'the record changed');
	});
	await axeCheck(page, 'the form with a row added', { gated: true });
	const post2 = form.getByRole('group', { name: 'Jabatan 2' });
	await step(`${who}: a post ending before it starts is refused (400), ` +
	    'named beside the field', async () => {
		const edu = form.getByRole('group', { name: 'Pendidikan 2' });

		await edu.getByLabel('Jenjang').selectOption('S1');
		await edu.getByLabel('Jurusan').fill('Kesehatan Masyarakat');
		await post2.getByLabel('Jenis jabatan').selectOption('structural');
		await post2.getByLabel('Eselon').selectOption('IV.a');
		await post2.getByLabel('Bidang').fill('kesehatan');
		await post2.getByLabel('Tanggal mulai').fill('2012-01-02');
		await post2.getByLabel('Tanggal selesai').fill('2011-12-31');
		const r = await submit(page, form, save);
		const msg = 'Jabatan 2: tanggal selesai (2011-12-31) sebelum ' +
		    'tanggal mulai (2012-01-02).';

		assert(r.status() === 400, `HTTP ${r.status()}`);
		assert((await errText(page)).includes(msg), await errText(page));
		assert(await page.locator('#kesalahan a[href="#post-1-end"]')
		    .count() === 1, 'the summary does not link to the field');
		const end = post2.getByLabel('Tanggal selesai');
		assert(await end.getAttribute('aria-invalid') === 'true',
		    'the field is not marked invalid');
		assert((await page.locator('#post-1-end-err').innerText())
		    .includes(msg), 'no message beside the field');
		assert(await end.inputValue() === '2011-12-31',
		    'the typed value is lost');
		assert(stored() === before, 'the record changed');
	});
	await axeCheck(page, 'the form with its errors', { gated: true });
	await step(`${who}: saves the form and reads the summary`, async () => {
		await post2.getByLabel('Tanggal selesai').fill('2015-01-02');
		const r = await submit(page, form, save);

		assert(r.status() === 200 && path(page) === '/pelamar?ok=1',
		    `HTTP ${r.status()} at ${page.url()}: ` +
		    await errText(page));
		const t = await text(page, 'table.summary');
		assert(t.includes('Kepala Seksi Pelayanan (Struktural, eselon ' +
		    'IV.a), 2 Januari 2012 sampai 2 Januari 2015') &&
		    t.includes('S2 Kesehatan; S1 Kesehatan Masyarakat') &&
		    t.includes('IV/a (Pembina)'), t);
		const rec = JSON.parse(stored());
		assert(rec.nip === APPLICANT.nip && rec.posts.length === 2 &&
		    rec.education.length === 2 && rec.agency.province ===
		    'Jawa Tengah' && !('penalties' in rec), stored());
	});
}

// ---- after the closing date ----

async function secretariat(browser) {
	const who = 'sekretariat';
	const { ctx, page } = await newPage(browser, who);

	await login(page, who, who, PW);
	await step(`${who}: opens the queue`, async () => {
		const r = await go(page, '/kelola/1/administrasi');

		assert(r.status() === 200, `HTTP ${r.status()}`);
		assert((await text(page, 'h1')) === 'Seleksi administrasi',
		    await text(page, 'h1'));
		const row = await text(page, 'tbody tr');
		assert(row.includes(regNo) && row.includes(APPLICANT.name) &&
		    row.includes('belum diperiksa'), row);
	});
	await axeCheck(page, '/kelola/1/administrasi', { gated: true });
	await step(`${who}: opens the application from the queue`,
	    async () => {
		await follow(page, page.getByRole('link', { name: regNo }));
		assert(path(page) === `/kelola/1/lamaran/${appId}`, page.url());
		const n = await page.locator('ul.rules li.rule').count();
		assert(n >= 10, `${n} frozen rules shown`);
		assert(await page.locator('form[action$="/putuskan"]')
		    .count() === 0, 'the decision form is shown');
	});
	await axeCheck(page, 'the application as the secretariat',
	    { gated: true });
	const form = page.locator('form[action$="/periksa"]');
	await step(`${who}: "incomplete" without a note is refused (400)`,
	    async () => {
		await form.getByLabel('Tidak lengkap', { exact: true }).check();
		const r = await submit(page, form);

		assert(r.status() === 400, `HTTP ${r.status()}`);
		assert((await errText(page)).includes('Sebutkan dokumen'),
		    await errText(page));
		assert(await form.getByLabel('Tidak lengkap', { exact: true })
		    .isChecked(), 'the refused form lost its choice');
	}, { breaks: false });
	await axeCheck(page, 'the check refused', { gated: true });
	await step(`${who}: checks the file complete`, async () => {
		await form.getByLabel('Lengkap', { exact: true }).check();
		await form.getByLabel(/^Catatan/).fill('Semua dokumen ada.');
		const r = await submit(page, form);

		assert(r.status() === 200 && path(page) ===
		    '/kelola/1/administrasi?ok=1', `HTTP ${r.status()} at ` +
		    `${page.url()}: ${await errText(page)}`);
		assert((await text(page, '.msg.ok')) === OK_MSG,
		    await text(page));
		assert((await text(page, 'tbody tr')).includes('lengkap'),
		    await text(page, 'tbody tr'));
	});
	await axeCheck(page, 'the queue after the check', { gated: true });
	await step(`${who}: the progress page offers closing registration`,
	    async () => {
		const r = await go(page, '/kelola/1/alur');

		assert(r.status() === 200, `HTTP ${r.status()}`);
		assert((await text(page, 'tr[aria-current="step"]'))
		    .includes('menunggu penutupan'),
		    await text(page, 'tr[aria-current="step"]'));
	});
	await axeCheck(page, '/kelola/1/alur', { gated: true });
	await step(`${who}: closes registration (FT_CLOSE)`, async () => {
		const f = page.locator('form[action="/kelola/1/alur/tutup"]');

		await f.getByLabel(/menutup pendaftaran/).check();
		const r = await submit(page, f);
		assert(r.status() === 200 && path(page) ===
		    '/kelola/1/alur?ok=1', `HTTP ${r.status()} at ` +
		    `${page.url()}: ${await errText(page)}`);
		assert((await text(page, '.state')).includes(
		    'seleksi administrasi'), await text(page, '.state'));
	});
	await axeCheck(page, '/kelola/1/alur once closed', { gated: true });
	await ctx.close();
}

async function member(browser) {
	const who = 'anggota';
	const { ctx, page } = await newPage(browser, who);

	await login(page, who, who, PW);
	await step(`${who}: opens the application`, async () => {
		await go(page, '/kelola/1/administrasi');
		await follow(page, page.getByRole('link', { name: regNo }));
		assert(await page.locator('form[action$="/putuskan"]')
		    .count() === 1, 'no decision form');
	});
	await axeCheck(page, 'the application as a member', { gated: true });
	await step(`${who}: passes it with a reason`, async () => {
		const f = page.locator('form[action$="/putuskan"]');

		await f.getByLabel('Lulus', { exact: true }).check();
		await f.getByLabel('Alasan (wajib)').fill(REASON);
		/* The record lacks data the core needs: an override. */
		await f.getByLabel(/Saya meluluskan pelamar ini walaupun/)
		    .check();
		await f.getByLabel(/Alasan meluluskan/).fill(OVERRIDE);
		const r = await submit(page, f);

		assert(r.status() === 200 && path(page) ===
		    '/kelola/1/administrasi?ok=1', `HTTP ${r.status()} at ` +
		    `${page.url()}: ${await errText(page)}`);
		assert((await text(page, 'tbody tr')).includes('lulus'),
		    await text(page, 'tbody tr'));
		assert((await text(page, 'tbody tr')).includes('dengan ' +
		    'pengecualian'), await text(page, 'tbody tr'));
	});
	await axeCheck(page, 'the queue after the decision', { gated: true });
	await ctx.close();
}

/* ADM-MIN-3 fails (1 < 3): the chair is refused until the PPK invites. */
async function ppkInvites(browser) {
	const who = 'ketua';
	const { ctx, page } = await newPage(browser, who);

	await login(page, who, who, PW);
	await step(`${who}: is refused while ADM-MIN-3 fails`, async () => {
		await go(page, '/kelola/1/administrasi');
		const f = page.locator('form[action="/kelola/1/administrasi/' +
		    'terbitkan"]');

		await f.getByLabel(/menandatangani hasil seleksi/).check();
		const r = await submit(page, f);
		assert(r.status() === 409 && (await errText(page))
		    .includes('ADM-MIN-3'), `HTTP ${r.status()}: ` +
		    `${await errText(page)}`);
	});
	await ctx.close();
	const p = await newPage(browser, 'ppk');
	await login(p.page, 'ppk', 'ppk', PW);
	await step('ppk: invites a candidate (ADM-INVITE)', async () => {
		await go(p.page, '/kelola/1/administrasi');
		const f = p.page.locator('form[action="/kelola/1/' +
		    'administrasi/tunjuk"]');

		await f.getByLabel('NIP').fill('198001012005011001');
		await f.getByLabel('Nama').fill('Agus Salim');
		const r = await submit(p.page, f);
		assert(r.status() === 200 && path(p.page) ===
		    '/kelola/1/administrasi?ok=1', `HTTP ${r.status()} at ` +
		    `${p.page.url()}: ${await errText(p.page)}`);
	});
	await p.ctx.close();
}

async function chair(browser) {
	const who = 'ketua';
	const { ctx, page } = await newPage(browser, who);

	await login(page, who, who, PW);
	await step(`${who}: signs and publishes the result`, async () => {
		await go(page, '/kelola/1/administrasi');
		const f = page.locator('form[action="/kelola/1/administrasi/' +
		    'terbitkan"]');

		await f.getByLabel(/menandatangani hasil seleksi/).check();
		const r = await submit(page, f);
		assert(r.status() === 200 && path(page) ===
		    '/kelola/1/administrasi?ok=1', `HTTP ${r.status()} at ` +
		    `${page.url()}: ${await errText(page)}`);
		assert(await page.locator('a[href="/seleksi/1/hasil-' +
		    'administrasi"]').count() === 1, 'no link to the result');
	});
	await axeCheck(page, 'the queue once published', { gated: true });
	await ctx.close();
}

async function publicReader(browser) {
	const who = 'public';
	const { ctx, page } = await newPage(browser, who);

	await step(`${who}: the registrants, number and name, no NIP`,
	    async () => {
		const r = await go(page, '/seleksi/1/pendaftar');
		const t = await text(page);

		assert(r.status() === 200, `HTTP ${r.status()}`);
		assert(t.includes(regNo) && t.includes(APPLICANT.name), t);
		assert(!t.includes(APPLICANT.nip) &&
		    !t.includes(APPLICANT.birth), 'personal data shown');
	});
	await axeCheck(page, '/seleksi/1/pendaftar', { gated: true });
	await step(`${who}: the result, signed by the chair`, async () => {
		const r = await go(page, '/seleksi/1/hasil-administrasi');
		const t = await text(page);

		assert(r.status() === 200, `HTTP ${r.status()}`);
		assert(t.includes(regNo) && t.includes(APPLICANT.name) &&
		    t.includes('Dr. Siti Aminah, M.Si.'), t);
		assert(!t.includes(APPLICANT.nip) && !t.includes(REASON),
		    'NIP or reason shown');
	});
	await axeCheck(page, '/seleksi/1/hasil-administrasi', { gated: true });
	await step(`${who}: sends a complaint`, async () => {
		await go(page, '/seleksi/1/pengaduan');
		const f = page.locator('form[action="/seleksi/1/pengaduan"]');

		await f.getByLabel('Isi pengaduan').fill('Jadwal tahap ' +
		    'berikutnya belum diumumkan.');
		const r = await submit(page, f);
		assert(r.status() === 200 && /^\/pengaduan\?no=ADU-/.test(
		    path(page)), `HTTP ${r.status()} at ${page.url()}`);
		complaint = path(page);
		assert((await text(page)).includes('Belum dijawab.'),
		    await text(page));
	});
	await axeCheck(page, 'the complaint status page', { gated: true });
	await ctx.close();
}

async function oversight(browser) {
	const who = 'pengawas';
	const { ctx, page } = await newPage(browser, who);

	await login(page, who, who, PW);
	await step(`${who}: reads the complaint`, async () => {
		const r = await go(page, '/kelola/1/pengaduan');

		assert(r.status() === 200, `HTTP ${r.status()}`);
		assert((await text(page)).includes(complaint.slice(
		    '/pengaduan?no='.length)), await text(page));
	});
	await axeCheck(page, '/kelola/1/pengaduan', { gated: true });
	await step(`${who}: answers it`, async () => {
		const f = page.locator('form[action$="/jawab"]');

		assert(await f.count() === 1, `${await f.count()} forms`);
		await f.getByLabel('Jawaban').fill('Jadwal diumumkan ' +
		    'bersama hasil seleksi administrasi.');
		const r = await submit(page, f);
		assert(r.status() === 200 && path(page) ===
		    '/kelola/1/pengaduan?ok=1', `HTTP ${r.status()} at ` +
		    `${page.url()}`);
	});
	await axeCheck(page, '/kelola/1/pengaduan after the answer',
	    { gated: true });
	await ctx.close();
}

async function applicantResult(browser) {
	const who = 'applicant';
	const { ctx, page } = await newPage(browser, who);

	await login(page, who, APPLICANT.nip, APPLICANT.password);
	await step(`${who}: the receipt shows "Lulus" with the reason`,
	    async () => {
		const r = await go(page, appPath);
		const t = await text(page);

		assert(r.status() === 200, `HTTP ${r.status()}`);
		assert(t.includes(`Lulus: ${REASON}`), t);
		assert(await page.locator('ul.rules li.rule').count() >= 10,
		    'the frozen rules are not shown');
	});
	await axeCheck(page, 'the receipt with the result', { gated: true });
	await ctx.close();
}

// A phone 375 pixels wide: nothing wider than the screen.  With as, the
// pages are read by that login (applicants use phones too).
async function mobile(browser, paths, as = null) {
	const { ctx, page } = await newPage(browser, 'phone', {
		viewport: { width: 375, height: 812 }, isMobile: true,
		hasTouch: true, deviceScaleFactor: 2 });

	if (as !== null)
		await login(page, 'applicant on the phone', as.nip, as.password);
	for (const p of paths) {
		await narrow(page, p);
	}
	await ctx.close();
}

// ---- the test ----

srv = await check('selter serve starts on a fresh store with the demo ' +
    'data', () => startServer(exe, NOW));
if (srv === undefined)
	process.exit(plan() > 0 ? 1 : 0);
base = srv.url;
note(`server ${base}, now ${NOW}`);

const browser = await check(`chromium starts (${CHROMIUM})`, launch);
if (browser !== undefined) {
	try {
		await applicant(browser);
		await mobile(browser, ['/daftar', '/seleksi/1/pengaduan']);
		const stop = await stopServer(srv, { keep: true });
		await check('selter serve stops on SIGTERM with status 0',
		    () => assert(stop.code === 0 && stop.sig === null,
		    JSON.stringify(stop)));
		const close = sqlite('SELECT ann_close FROM selection ' +
		    'WHERE id = 1');
		const after = `${close}T17:00:00Z`;	/* 00:00 WIB */
		const dir = srv.dir;

		srv = await step(`selter serve restarts on the same store ` +
		    `with --now ${after}`, () => startServer(exe, after,
		    { dir }));
		if (srv === undefined)
			rmSync(dir, { recursive: true, force: true });
		if (srv !== undefined) {
			base = srv.url;
			await secretariat(browser);
			await member(browser);
			await ppkInvites(browser);
			await chair(browser);
			await publicReader(browser);
			await oversight(browser);
			await applicantResult(browser);
			await mobile(browser, ['/seleksi/1/pendaftar',
			    '/seleksi/1/hasil-administrasi', complaint]
			    .filter((p) => p !== ''));
			await mobile(browser, ['/pelamar', '/pelamar/data/isian',
			    '/pelamar/lowongan/1',
			    appPath].filter((p) => p !== ''), APPLICANT);
			await everyRole(browser, { newPage, go, submit }, [
			    ...['sekretariat', 'ketua', 'anggota', 'asesor',
			    'narasumber', 'pyb', 'ppk', 'pengawas', 'admin',
			    'pelamar'].map((l) => [l, PW]),
			    [APPLICANT.nip, APPLICANT.password]]);
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
if (srv !== undefined) {
	const stop = await stopServer(srv);

	if (stop.code === 0 && stop.sig === null)
		pass('selter serve stops on SIGTERM with status 0');
	else
		fail('selter serve stops on SIGTERM with status 0',
		    `exit ${JSON.stringify(stop)}\n${srv.log().slice(-6000)}`);
}
process.exit(plan() > 0 ? 1 : 0);
