// The item downloads (/api/export.csv, .geojson, .json) hold exactly the items the Filter
// selects, public rows only, in the dictionary's columns: read back with csv-parse and GDAL's
// ogrinfo, counted against /api/stats, on both back ends. Rows are made hidden in committed
// transactions (as an editor would) and restored whatever happens.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as exportCsv } from '../../../src/routes/api/export.csv/+server.ts';
import { GET as exportGeojson } from '../../../src/routes/api/export.geojson/+server.ts';
import { GET as exportJson } from '../../../src/routes/api/export.json/+server.ts';
import { GET as stats } from '../../../src/routes/api/stats/+server.ts';
import { GET as openapi } from '../../../src/routes/api/openapi.json/+server.ts';
import { load as dictionaryPage } from '../../../src/routes/data/dictionary/+page.server.ts';
import { EXPORT_COLUMN_NAMES } from '../../../src/lib/exports/export-columns.ts';
import { FILTER_KEYS } from '../../../src/lib/filter/filter-schema.ts';
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';

const run = promisify(execFile);
const FILTERS = ['', 'country=IRQ', 'category=weapon&from=2016&to=2018', 'marking=obliterated,partial', 'response=dissuasive', 'country=SYR&category=ammunition&made_in=RUS'];

type CsvRow = Record<string, string>;
const readCsv = (text: string): CsvRow[] => parse(text, { bom: true, columns: true, skip_empty_lines: true }) as CsvRow[];

async function csvOf(query: string, headers: Record<string, string> = {}): Promise<{ response: Response; rows: CsvRow[]; header: string[] }> {
	const response = await call(exportCsv, `/api/export.csv${query ? `?${query}` : ''}`, { headers });
	expect(response.status).toBe(200);
	const bytes = Buffer.from(await response.arrayBuffer());
	const text = (response.headers.get('content-encoding') === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8');
	const header = (parse(text, { bom: true, to_line: 1 }) as string[][])[0];
	return { response, rows: readCsv(text), header };
}

async function itemsCounted(query: string): Promise<number> {
	const response = await call(stats, `/api/stats${query ? `?${query}` : ''}`);
	expect(response.status).toBe(200);
	return ((await response.json()) as { items: number }).items;
}

describeEachBackend('item downloads', (db, backend) => {
	useAppDatabase(backend.url);
	const scratch = mkdtempSync(join(tmpdir(), 'atlas-export-'));
	afterAll(() => rmSync(scratch, { recursive: true, force: true }));
	const latestRelease = async () => Number((await db()`SELECT max(number) AS n FROM atlas.data_releases`)[0].n);

	describe.each(FILTERS)('filter "%s"', (query) => {
		it('writes one CSV row per item /api/stats counts, in the dictionary\'s columns', async () => {
			const [{ rows, header }, items] = await Promise.all([csvOf(query), itemsCounted(query)]);
			expect(items).toBeGreaterThan(0);
			expect(header).toEqual(EXPORT_COLUMN_NAMES);
			expect(rows.length).toBe(items);
			expect(new Set(rows.map((r) => r.item_id)).size).toBe(items);
		});

		it('writes a GeoJSON that GDAL reads with as many point features as /api/stats counts items', async () => {
			const response = await call(exportGeojson, `/api/export.geojson${query ? `?${query}` : ''}`);
			expect(response.status).toBe(200);
			const file = join(scratch, `${backend.name}-${FILTERS.indexOf(query)}.geojson`);
			writeFileSync(file, Buffer.from(await response.arrayBuffer()));
			const { stdout } = await run('ogrinfo', ['-ro', '-so', '-al', file]);
			expect(stdout).toMatch(/Geometry: Point/);
			expect(Number(/Feature Count: (\d+)/.exec(stdout)?.[1])).toBe(await itemsCounted(query));
		});
	});

	it('names each row as the record pages do and writes lists, dates and numbers readably', async () => {
		const { rows } = await csvOf('country=IRQ');
		const row = rows.find((r) => r.case_ids !== '' && r.trace_outcome !== '')!;
		expect(row.record_url).toBe(`http://atlas.test/items/${row.item_id}`);
		expect(row.case_ids).toMatch(/^\d+(;\d+)*$/);
		expect(row.trace_outcome).toMatch(/^(expansive|permissive|dissuasive|none)(;(expansive|permissive|dissuasive|none))*$/);
		expect(rows.every((r) => r.recovered_in_iso3 === 'IRQ' && r.recovered_in === 'Iraq')).toBe(true);
		expect(rows.every((r) => /^(\d{4}(-\d{2}(-\d{2})?)?)?$/.test(r.documented_on))).toBe(true);
		expect(rows.every((r) => (r.documented_on_precision === 'unpublished') === (r.documented_on === ''))).toBe(true);
		expect(rows.every((r) => r.synthetic === 'true' || r.synthetic === 'false')).toBe(true);
		expect(rows.every((r) => Number.isFinite(Number(r.longitude)) && Number.isFinite(Number(r.latitude)))).toBe(true);
	});

	it('leaves out an item unpublished to draft, and has it back once republished', async () => {
		const [item] = await db()`SELECT f.item_id, f.country_iso3::text AS iso3 FROM atlas.item_facts f
			WHERE f.visibility = 'public' ORDER BY f.item_id DESC LIMIT 1`;
		const query = `country=${item.iso3}`;
		const ids = async () => new Set((await csvOf(query)).rows.map((r) => Number(r.item_id)));
		expect((await ids()).has(item.item_id)).toBe(true);
		try {
			await db()`UPDATE atlas.items SET visibility = 'draft' WHERE id = ${item.item_id}`;
			const hidden = await ids();
			expect(hidden.has(item.item_id)).toBe(false);
			expect(hidden.size).toBe(await itemsCounted(query));
		} finally {
			await db()`UPDATE atlas.items SET visibility = 'public' WHERE id = ${item.item_id}`;
		}
		expect((await ids()).has(item.item_id)).toBe(true);
	});

	it('does not name a case hidden from the reader, while its public items stay', async () => {
		const [kase] = await db()`SELECT d.id, count(*)::int AS items FROM atlas.diversion_cases d
			JOIN atlas.item_facts f ON d.id = ANY(f.case_ids) AND f.visibility = 'public'
			WHERE d.visibility = 'public' GROUP BY d.id ORDER BY count(*), d.id LIMIT 1`;
		const [item] = await db()`SELECT f.item_id, f.country_iso3::text AS iso3 FROM atlas.item_facts f
			WHERE ${kase.id} = ANY(f.case_ids) AND f.visibility = 'public' ORDER BY f.item_id LIMIT 1`;
		const casesOf = async () => (await csvOf(`country=${item.iso3}`)).rows.find((r) => Number(r.item_id) === item.item_id)?.case_ids.split(';');
		expect(await casesOf()).toContain(String(kase.id));
		try {
			await db()`UPDATE atlas.diversion_cases SET visibility = 'draft' WHERE id = ${kase.id}`;
			const cases = await casesOf();
			expect(cases).toBeDefined();
			expect(cases).not.toContain(String(kase.id));
		} finally {
			await db()`UPDATE atlas.diversion_cases SET visibility = 'public' WHERE id = ${kase.id}`;
		}
	});

	it("gives a partner its country's restricted items too, as its /api/stats counts them, and keeps them private", async () => {
		// A restricted item is a partner's when its country made it (row security, 008/014).
		const [{ iso3 }] = await db()`SELECT made_in_iso3::text AS iso3 FROM atlas.item_facts
			WHERE item_visibility = 'restricted' AND place_visibility = 'public' AND made_in_iso3 IS NOT NULL
			GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
		const partner = { role: 'partner', country: iso3 } as const;
		const query = `made_in=${iso3}`;
		const response = await call(exportCsv, `/api/export.csv?${query}`, { viewer: partner });
		expect(response.headers.get('cache-control')).toMatch(/^private/);
		const rows = readCsv(await response.text());
		const counted = ((await (await call(stats, `/api/stats?${query}`, { viewer: partner })).json()) as { items: number }).items;
		expect(rows.length).toBe(counted);
		expect(rows.length).toBeGreaterThan((await csvOf(query)).rows.length);
	});

	it.each([
		[exportCsv, '/api/export.csv'],
		[exportGeojson, '/api/export.geojson'],
		[exportJson, '/api/export.json']
	])('answers a bad Filter with 400 naming the field (%#)', async (handler, path) => {
		const response = await call(handler, `${path}?category=weapon&from=2019-02-30`);
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ field: 'from' });
	});

	it('names the file after the Filter and the day, and answers a repeat with 304 while the data are unchanged', async () => {
		const response = await call(exportCsv, '/api/export.csv?country=IRQ,SYR&category=weapon');
		await response.body?.cancel();
		const day = new Date().toISOString().slice(0, 10);
		const release = await latestRelease();
		expect(release).toBeGreaterThanOrEqual(1);
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="diversion-atlas-items-country-irq+syr-category-weapon-release-${release}-${day}.csv"`);
		const again = await call(exportCsv, '/api/export.csv?category=weapon&country=SYR,IRQ', { headers: { 'if-none-match': response.headers.get('etag')! } });
		expect(again.status).toBe(304);
	});

	it('compresses the stream with gzip when the reader accepts it, to the same rows', async () => {
		const [plain, zipped] = await Promise.all([csvOf('country=LBY'), csvOf('country=LBY', { 'accept-encoding': 'gzip' })]);
		expect(zipped.response.headers.get('content-encoding')).toBe('gzip');
		expect(zipped.rows).toEqual(plain.rows);
	});

	it('describes the CSV in its sidecar: Filter, row count, citation, licence and every column', async () => {
		const response = await call(exportJson, '/api/export.json?country=IRQ');
		expect(response.status).toBe(200);
		const metadata = await response.json();
		expect(metadata.rows).toBe(await itemsCounted('country=IRQ'));
		expect(metadata.query).toBe('country=IRQ');
		expect(metadata.filter).toEqual({ country: ['IRQ'] });
		expect(metadata.columns.map((c: { name: string }) => c.name)).toEqual(EXPORT_COLUMN_NAMES);
		expect(metadata.citation).toContain('Diversion Atlas, Documented items, filtered by country=IRQ, http://atlas.test/?country=IRQ');
		expect(metadata.licence.name).toBeTruthy();
		expect(metadata.demoNotice).toMatch(/synthetic/);
		// The release the rows belong to: the latest the seed or staff published.
		expect(metadata.release).toEqual({ number: await latestRelease(), releasedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
	});

	it('puts the same metadata at the top of the GeoJSON', async () => {
		const response = await call(exportGeojson, '/api/export.geojson?country=SOM');
		const collection = await response.json();
		expect(collection.metadata.query).toBe('country=SOM');
		expect(collection.metadata.columns.length).toBe(EXPORT_COLUMN_NAMES.length);
		expect(Object.keys(collection.features[0].properties)).toEqual(EXPORT_COLUMN_NAMES);
	});

	it('gives its connection back when the reader goes away mid-download', async () => {
		// The downloads share two connections (streamed-read.ts): were a cancelled stream to keep
		// its transaction, the third download below would wait for ever.
		for (let i = 0; i < 3; i++) {
			const response = await call(exportCsv, '/api/export.csv');
			const reader = response.body!.getReader();
			expect((await reader.read()).done).toBe(false);
			await reader.cancel();
		}
		const { rows } = await csvOf('country=SOM');
		expect(rows.length).toBe(await itemsCounted('country=SOM'));
	});

	it('lists every exported column on the data dictionary page, with its meaning', async () => {
		const data = (await dictionaryPage({ locals: { locale: 'en' } } as never)) as { columns: { name: string; meaning: string }[] };
		expect(data.columns.map((c) => c.name)).toEqual((await csvOf('country=SOM')).header);
		expect(data.columns.every((c) => c.meaning.length > 10)).toBe(true);
	});
});

it('documents the downloads with every filter parameter and every column in the OpenAPI file', async () => {
	const document = await (await call(openapi, '/api/openapi.json')).json();
	for (const path of ['/api/export.csv', '/api/export.geojson', '/api/export.json']) {
		const names = document.paths[path].get.parameters.map((p: { name: string }) => p.name);
		for (const key of FILTER_KEYS) expect(names, `${path} ${key}`).toContain(key);
	}
	for (const column of EXPORT_COLUMN_NAMES) expect(document.paths['/api/export.csv'].get.description).toContain(column);
});
