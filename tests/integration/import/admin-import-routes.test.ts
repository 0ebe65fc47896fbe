// /admin/import's server side, called as SvelteKit calls it (sign-in comes with the accounts
// slice, so the browser spec waits for it): the role guard, the upload and its dry run, the
// size limit, the report, the commit of a checked file, the template, and a photo stored
// without its EXIF and GPS metadata and served only to those who may see its item.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { parse } from 'csv-parse/sync';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Account } from '../../../src/lib/server/auth/account.ts';
import { viewerOf } from '../../../src/lib/server/auth/account.ts';
import { IMPORT_COLUMN_NAMES } from '../../../src/lib/import/columns.ts';
import { readImportReport, type ImportReport } from '../../../src/lib/server/import/import-reports.ts';
import * as importPage from '../../../src/routes/admin/import/+page.server.ts';
import * as reportPage from '../../../src/routes/admin/import/[id]/+page.server.ts';
import * as template from '../../../src/routes/admin/import/template.csv/+server.ts';
import * as photoFile from '../../../src/routes/media/photos/[name]/+server.ts';
import { anonymousViewer } from '../../../src/lib/server/viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';
import { fixture, forgetImported, storedCounts, tempDir, writeCsv } from './import-files.ts';

const editor: Account = { id: 1, email: 'editor@example.org', role: 'editor', country: null };
const partner: Account = { id: 2, email: 'partner@example.org', role: 'partner', country: 'BEL' };

function event(path: string, account: Account | null, { form, params = {} }: { form?: FormData; params?: Record<string, string> } = {}) {
	const url = new URL(path, 'http://atlas.test');
	const request = new Request(url, form ? { method: 'POST', body: form } : {});
	const locals = { account, viewer: viewerOf(account), locale: 'en' };
	return { url, params, request, locals, route: { id: null }, setHeaders: () => {} } as never;
}

/** What a call threw or returned: redirects and HTTP errors are thrown by SvelteKit's helpers. */
async function outcome(call: () => unknown): Promise<unknown> {
	try {
		return await call();
	} catch (thrown) {
		if (isRedirect(thrown) || isHttpError(thrown)) return thrown;
		throw thrown;
	}
}

function upload(name: string, bytes: Uint8Array | string, field = 'file', more: Record<string, string> = {}): FormData {
	const form = new FormData();
	form.set(field, new File([bytes as BlobPart], name));
	for (const [key, value] of Object.entries(more)) form.set(key, value);
	return form;
}

async function settled(id: number, db: Parameters<typeof readImportReport>[0]): Promise<ImportReport> {
	await expect.poll(async () => (await readImportReport(db, id))?.status, { timeout: 30_000, interval: 100 }).not.toBe('running');
	return (await readImportReport(db, id))!;
}

const reportIdOf = (answer: unknown) => Number(/\/admin\/import\/(\d+)$/.exec((answer as { location: string }).location)?.[1]);

describeEachBackend('/admin/import', (db, backend) => {
	useAppDatabase(backend.url);
	const dir = tempDir();
	beforeAll(() => {
		process.env.IMPORT_DIR = join(dir, 'imports');
		process.env.MEDIA_DIR = join(dir, 'media');
	});
	afterAll(async () => {
		await forgetImported(db(), [`ROUTES-${backend.name}`]);
	});

	it('sends an anonymous reader to sign in and refuses a partner with 403, on the page, its action and the template', async () => {
		const anonymous = await outcome(() => importPage.load(event('/admin/import', null)));
		expect(anonymous).toMatchObject({ status: 303, location: '/login?next=%2Fadmin%2Fimport' });
		expect(await outcome(() => importPage.load(event('/admin/import', partner)))).toMatchObject({ status: 403 });
		expect(await outcome(() => importPage.actions.default(event('/admin/import', partner, { form: upload('a.csv', 'x') })))).toMatchObject({ status: 403 });
		expect(await outcome(() => template.GET(event('/admin/import/template.csv', null)))).toMatchObject({ status: 303 });
		expect(await outcome(() => reportPage.load(event('/admin/import/1', partner, { params: { id: '1' } })))).toMatchObject({ status: 403 });
	});

	it('serves the template: the one column list as header and an example row that passes the dry run', async () => {
		const answer = (await template.GET(event('/admin/import/template.csv', editor))) as Response;
		expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const [header, example] = parse(await answer.text()) as string[][];
		expect(header).toEqual(IMPORT_COLUMN_NAMES);
		expect(example).toHaveLength(header.length);
	});

	it('stores an upload, dry-runs it and reports its problems on the report page; nothing is written', async () => {
		const before = await storedCounts(db());
		const answer = await outcome(() => importPage.actions.default(event('/admin/import', editor, { form: upload('bad-dates.csv', readFileSync(fixture('bad-dates.csv'))) })));
		expect(answer).toMatchObject({ status: 303 });
		const id = reportIdOf(answer);
		const report = await settled(id, db());
		expect(report).toMatchObject({ status: 'problems', actor: editor.email, file_name: 'bad-dates.csv', problem_count: 5 });
		const page = (await reportPage.load(event(`/admin/import/${id}`, editor, { params: { id: String(id) } }))) as { report: ImportReport; staged: boolean };
		expect(page.report.problems.map((p) => p.code)).toEqual(['no_such_day', 'date_format', 'no_such_month', 'future_date', 'year_zero']);
		expect(await outcome(() => reportPage.actions.commit(event(`/admin/import/${id}`, editor, { params: { id: String(id) }, form: new FormData() })))).toMatchObject({ status: 409 });
		expect(await storedCounts(db())).toEqual(before);
	});

	it('refuses a file over the limit with its size and the limit (413), before storing it', async () => {
		const big = new Uint8Array(26 * 1024 * 1024).fill(0x61);
		const answer = await importPage.actions.default(event('/admin/import', editor, { form: upload('big.csv', big) }));
		expect(isActionFailure(answer)).toBe(true);
		expect(answer).toMatchObject({ status: 413, data: { field: 'file', problem: 'tooLarge', bytes: big.length, max: 25 * 1024 * 1024 } });
	});

	it('answers an unknown or malformed report id with 404', async () => {
		for (const id of ['999999999', 'abc', '0', '99999999999']) {
			expect(await outcome(() => reportPage.load(event(`/admin/import/${id}`, editor, { params: { id } })))).toMatchObject({ status: 404 });
		}
	});

	it('commits a checked dry run as a new report, then takes a photo stripped of EXIF and GPS, served to staff only', async () => {
		const source = `ROUTES-${backend.name}`;
		const csv = readFileSync(writeCsv(join(dir, 'routes.csv'), 2, (row, i) => Object.assign(row, { source_id: source, item_id: `R${i}`, serial_number: `IMPFX R${i}` })));
		const dryRun = reportIdOf(await outcome(() => importPage.actions.default(event('/admin/import', editor, { form: upload('routes.csv', csv) }))));
		expect(await settled(dryRun, db())).toMatchObject({ status: 'checked', mode: 'dry_run' });
		const commit = reportIdOf(await outcome(() => reportPage.actions.commit(event(`/admin/import/${dryRun}`, editor, { params: { id: String(dryRun) }, form: new FormData() }))));
		expect(await settled(commit, db())).toMatchObject({ status: 'committed', mode: 'commit', checked_report_id: dryRun, counts: { item: { added: 2, unchanged: 0 } } });
		expect((await readImportReport(db(), dryRun))!.committed_by).toBe(commit);

		// A JPEG that says where it was taken.
		const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#7a5' } })
			.withExif({ IFD0: { Make: 'FieldCam', Copyright: 'source' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '16/1 16/1 18/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 2/1 41/1' } })
			.jpeg().toBuffer();
		expect((await sharp(jpeg).metadata()).exif).toBeDefined();
		expect(jpeg.includes(Buffer.from('FieldCam'))).toBe(true);
		const added = await reportPage.actions.photo(event(`/admin/import/${commit}`, editor, {
			params: { id: String(commit) }, form: upload('photo.jpg', jpeg, 'photo', { source, item: 'R0', caption: 'Receiver markings' })
		}));
		expect(added).toMatchObject({ photoAdded: { item: 'R0', position: 1, uri: expect.stringMatching(/^\/media\/photos\/[0-9a-f-]{36}\.jpg$/) } });
		const name = (added as { photoAdded: { uri: string } }).photoAdded.uri.split('/').pop()!;
		expect(readdirSync(join(dir, 'media', 'photos'))).toContain(name);
		const stored = readFileSync(join(dir, 'media', 'photos', name));
		const metadata = await sharp(stored).metadata();
		expect(metadata).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
		expect(metadata.exif).toBeUndefined();
		expect(stored.includes(Buffer.from('FieldCam'))).toBe(false);
		expect(stored.includes(Buffer.from('Exif'))).toBe(false);

		const asStaff = (await photoFile.GET(event(`/media/photos/${name}`, editor, { params: { name } }))) as Response;
		expect(asStaff.status).toBe(200);
		expect(Buffer.from(await asStaff.arrayBuffer()).equals(stored)).toBe(true);
		// The item is a draft: to the public its photo does not exist.
		const asPublic = await outcome(() => photoFile.GET({ ...(event(`/media/photos/${name}`, null, { params: { name } }) as object), locals: { viewer: anonymousViewer, account: null } } as never));
		expect(asPublic).toMatchObject({ status: 404 });

		const notImage = await reportPage.actions.photo(event(`/admin/import/${commit}`, editor, {
			params: { id: String(commit) }, form: upload('notes.txt', 'not a picture', 'photo', { source, item: 'R0' })
		}));
		expect(notImage).toMatchObject({ status: 400, data: { field: 'photo', problem: 'notImage' } });
		const noItem = await reportPage.actions.photo(event(`/admin/import/${commit}`, editor, {
			params: { id: String(commit) }, form: upload('photo.jpg', jpeg, 'photo', { source, item: 'NO-SUCH-ITEM' })
		}));
		expect(noItem).toMatchObject({ status: 400, data: { field: 'item', problem: 'noItem' } });
	});
});
