// The import pipeline (src/lib/server/import/run-import.ts) on both back ends: every bad
// file gets its report and writes nothing, in a dry run and in a commit alike; a clean file
// commits every row as a draft, audited; the same file again changes nothing.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportProblemCode } from '../../../src/lib/import/problems.ts';
import { runImport, type ImportMode } from '../../../src/lib/server/import/run-import.ts';
import { readImportReport } from '../../../src/lib/server/import/import-reports.ts';
import { describeEachBackend } from '../backends.ts';
import { fixture, forgetImported, storedCounts, tempDir, writeCsv, writeLargeCsv } from './import-files.ts';

const actor = 'tester@example.org';

const BAD_FILES: [string, string, [number, string, ImportProblemCode][]][] = [
	['a file not in UTF-8 (Latin-1)', 'latin1.csv', [[0, '', 'not_utf8']]],
	['missing columns', 'missing-columns.csv', [[1, 'country', 'missing_column'], [1, 'latitude', 'missing_column'], [1, 'item_id', 'missing_column']]],
	['bad dates', 'bad-dates.csv', [[2, 'documented_on', 'no_such_day'], [3, 'documented_on', 'date_format'], [4, 'documented_on', 'no_such_month'], [5, 'documented_on', 'future_date'], [6, 'documented_on', 'year_zero']]],
	['coordinates out of range, swapped, outside the country, unreadable', 'bad-coordinates.csv', [
		[2, 'latitude', 'latitude_range'], [3, 'longitude', 'longitude_range'], [4, 'latitude', 'swapped_coordinates'],
		[5, 'latitude', 'outside_country'], [6, 'latitude', 'not_number']]],
	['unknown countries', 'unknown-countries.csv', [[2, 'country', 'unknown_country'], [3, 'made_in', 'unknown_country'], [4, 'made_in', 'country_format']]],
	['duplicate ids in one file, and a site described twice', 'duplicate-ids.csv', [[4, 'item_id', 'duplicate_id'], [5, 'site_id', 'inconsistent']]],
	['a PNG instead of a CSV', 'not-csv.png', [[0, '', 'image_file']]],
	['GeoJSON features that are not points', 'not-points.geojson', [[1, 'geometry', 'not_point']]]
];

describeEachBackend('import', (db) => {
	const dir = tempDir();
	afterAll(async () => {
		await forgetImported(db(), ['FIXTURE-FT-1', 'FIXTURE-GJ-1', 'FIXTURE-CHANGED']);
	});

	for (const [what, file, expected] of BAD_FILES) {
		for (const mode of ['dry_run', 'commit'] as ImportMode[]) {
			it(`reports ${what} by row, column and reason, and writes nothing (${mode})`, async () => {
				const before = await storedCounts(db());
				const outcome = await runImport(db(), { path: fixture(file), fileName: file, actor, mode });
				expect(outcome.status).toBe('problems');
				expect(outcome.problems.map((p) => [p.row, p.column, p.code])).toEqual(expected);
				expect(await storedCounts(db())).toEqual(before);
				const report = await readImportReport(db(), outcome.reportId);
				expect(report).toMatchObject({ status: 'problems', file_name: file, actor, mode, problem_count: expected.length });
				expect(report!.sha256).toMatch(/^[0-9a-f]{64}$/);
			});
		}
	}

	it('refuses a 50 MB file with its size and the limit, before reading a row, and writes nothing', async () => {
		const path = writeLargeCsv(join(dir, 'fifty.csv'), 25_000, 'FIXTURE-LARGE', 1_950);
		const before = await storedCounts(db());
		const outcome = await runImport(db(), { path, fileName: 'fifty.csv', actor, mode: 'commit' });
		expect(outcome.problems).toEqual([expect.objectContaining({ row: 0, code: 'too_large', params: { bytes: expect.any(Number), max: 25 * 1024 * 1024 } })]);
		expect(outcome.problems[0].params.bytes).toBeGreaterThan(50_000_000);
		expect(outcome.rows).toBe(0);
		expect(await storedCounts(db())).toEqual(before);
	});

	it('reads a UTF-8 file with a BOM: the dry run of clean.csv finds no problem and writes nothing', async () => {
		const before = await storedCounts(db());
		const outcome = await runImport(db(), { path: fixture('clean.csv'), fileName: 'clean.csv', actor, mode: 'dry_run' });
		expect(outcome).toMatchObject({ status: 'checked', format: 'csv', rows: 5, problems: [] });
		expect(outcome.counts).toEqual({ source: { added: 1, unchanged: 0 }, site: { added: 2, unchanged: 0 }, event: { added: 2, unchanged: 0 }, item: { added: 5, unchanged: 0 } });
		expect(await storedCounts(db())).toEqual(before);
	});

	describe('a clean file committed', () => {
		it('writes every row as a draft in one transaction, audited as its actor with the report id', async () => {
			const before = await storedCounts(db());
			const outcome = await runImport(db(), { path: fixture('clean.csv'), fileName: 'clean.csv', actor, mode: 'commit' });
			expect(outcome.status).toBe('committed');
			expect(outcome.counts.item).toEqual({ added: 5, unchanged: 0 });
			const after = await storedCounts(db());
			expect(after).toMatchObject({ sources: before.sources + 1, sites: before.sites + 2, events: before.events + 2, items: before.items + 5 });
			const items = await db()`SELECT i.external_id, i.visibility, i.chain_visibility, i.quantity, i.construction::text[] AS construction,
					e.documented_on::text AS on, e.documented_on_precision AS precision, p.name AS maker, h.name AS holder
				FROM atlas.items i JOIN atlas.documentation_events e ON e.id = i.event_id
				LEFT JOIN atlas.parties p ON p.id = i.manufacturer_id LEFT JOIN atlas.parties h ON h.id = e.holding_party_id
				JOIN atlas.sources s ON s.id = i.external_source_id WHERE s.external_id = 'FIXTURE-FT-1' ORDER BY i.external_id`;
			expect(items.map((i) => i.external_id)).toEqual(['GAO-001', 'GAO-002', 'GAO-003', 'MOSUL-001', 'MOSUL-002']);
			expect(new Set(items.map((i) => i.visibility))).toEqual(new Set(['draft']));
			expect(new Set(items.map((i) => i.chain_visibility))).toEqual(new Set(['draft']));
			expect(items[0]).toMatchObject({ on: '2024-03-01', precision: 'month' });
			expect(items[1].quantity).toBe(120);
			expect(items[2].maker).toBe('FN Herstal');
			expect(items[3]).toMatchObject({ on: '2017-07-10', precision: null, holder: 'Islamic State' });
			expect(items[4].construction).toEqual(['polymer', '3d_printed']);
			const audit = await db()`SELECT DISTINCT actor, note, table_name FROM atlas.audit_log WHERE note = ${`import ${outcome.reportId}`} ORDER BY table_name`;
			expect(audit.map((a) => [a.actor, a.table_name])).toEqual([
				[actor, 'documentation_events'], [actor, 'items'], [actor, 'sites'], [actor, 'sources']
			]);
			// A draft is no public record: the anonymous reader sees none of them.
			const [seen] = await db().begin(async (tx) => {
				await tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', 'public', true)`;
				return tx`SELECT count(*)::int AS n FROM atlas.items WHERE serial_number LIKE 'IMPFX%'`;
			});
			expect(seen.n).toBe(0);
		});

		it('imported twice changes nothing: 0 added, every row unchanged, not even the data version', async () => {
			const before = await storedCounts(db());
			const outcome = await runImport(db(), { path: fixture('clean.csv'), fileName: 'clean.csv', actor, mode: 'commit' });
			expect(outcome.status).toBe('committed');
			expect(outcome.counts).toEqual({ source: { added: 0, unchanged: 1 }, site: { added: 0, unchanged: 2 }, event: { added: 0, unchanged: 2 }, item: { added: 0, unchanged: 5 } });
			expect(await storedCounts(db())).toEqual(before);
		});

		it('reports an item already stored with other values instead of overwriting it', async () => {
			const path = writeCsv(join(dir, 'changed.csv'), 1, (row) => (row.serial_number = 'IMPFX CHANGED'));
			const before = await storedCounts(db());
			const outcome = await runImport(db(), { path, fileName: 'changed.csv', actor, mode: 'commit' });
			expect(outcome.problems.map((p) => [p.row, p.column, p.code])).toEqual([[2, 'item_id', 'stored_differs']]);
			expect(await storedCounts(db())).toEqual(before);
		});
	});

	it('commits a GeoJSON FeatureCollection of points with the same properties', async () => {
		const outcome = await runImport(db(), { path: fixture('clean.geojson'), fileName: 'clean.geojson', actor, mode: 'commit' });
		expect(outcome).toMatchObject({ status: 'committed', format: 'geojson', rows: 3 });
		const [site] = await db()`SELECT t.country_iso3, ST_X(t.geom) AS lon, ST_Y(t.geom) AS lat, t.visibility, e.documented_on_precision AS precision
			FROM atlas.sites t JOIN atlas.sources s ON s.id = t.external_source_id
			JOIN atlas.documentation_events e ON e.site_id = t.id WHERE s.external_id = 'FIXTURE-GJ-1'`;
		expect(site).toEqual({ country_iso3: 'LBY', lon: 13.1913, lat: 32.8872, visibility: 'draft', precision: 'year' });
	});
});
