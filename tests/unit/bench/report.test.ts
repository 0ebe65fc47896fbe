// The results' target column: a figure within its target is ✓, past it ✗, not measured –,
// and a change never seen within the cap counts against the target.
import { describe, expect, it } from 'vitest';
import { markdown, targetRows } from '../../bench/lib/report.mjs';

const native = (overrides: Record<string, unknown> = {}) => ({
	mode: 'native',
	database: { scale: 10, source: 'test', items: 1, sizeBytes: 0, seeding: { ran: false, skipped: true } },
	machine: { date: 'd', commit: 'c', cpu: 'cpu', cores: 2, ramGiB: 1, node: 'v20', postgres: '15', loadAverageAtStart: '0' },
	propagationCapSeconds: 10,
	durationSeconds: 1,
	...overrides
});
const row = (rows: ReturnType<typeof targetRows>, figure: string) => rows.find((r: { figure: string }) => r.figure.startsWith(figure));
const tiles = (p50: number, p95: number) => ({ cold: { all: { p50, p95, max: p95, n: 1 }, worstZoomP95: { zoom: 'z0', p95 } } });

describe('targetRows', () => {
	it('marks a tile p95 at the target ✓ and one past it ✗', () => {
		expect(row(targetRows(native({ tiles: tiles(10, 50) })), 'sites tile cold, all zooms and filters: p95')).toMatchObject({ ok: true, value: '50 ms' });
		expect(row(targetRows(native({ tiles: tiles(10, 50.1) })), 'sites tile cold, all zooms and filters: p95')).toMatchObject({ ok: false });
	});

	it('uses the scale-60 targets at scale 60', () => {
		const rows = targetRows(native({ database: { scale: 60, seeding: { seconds: 901 } }, tiles: tiles(30, 90) }));
		expect(row(rows, 'sites tile cold, all zooms and filters: p95')).toMatchObject({ ok: true, target: '≤ 100 ms' });
		expect(row(rows, 'seeding')).toMatchObject({ ok: false });
	});

	it('shows a figure the run did not measure as not measured, neither ✓ nor ✗', () => {
		expect(row(targetRows(native()), 'load: p99')).toMatchObject({ ok: null, value: 'not measured' });
	});

	it('counts a change of 1,000 items never seen within the cap as ✗', () => {
		const propagation = { '1000': { unpublished: { everywhereMs: null, perAnswer: {} }, republished: { everywhereMs: 5, perAnswer: {} } } };
		expect(row(targetRows(native({ propagation })), '1,000 items')).toMatchObject({ ok: false, value: 'not visible within 10 s' });
		const seen = { '1000': { unpublished: { everywhereMs: 1500, perAnswer: {} }, republished: { everywhereMs: 5, perAnswer: {} } } };
		expect(row(targetRows(native({ propagation: seen })), '1,000 items')).toMatchObject({ ok: true, value: '1.5 s' });
	});

	it('judges the embedded smoke run by its own two targets', () => {
		const rows = targetRows({ mode: 'quick', cached: { 'one tile': { portal: { requestsPerSecond: 5000 } } }, endpoints: { cold: { stats: { p95: 101 } } } });
		expect(rows.map((r: { ok: boolean | null }) => r.ok)).toEqual([true, false]);
	});
});

describe('markdown', () => {
	it('names the date, commit and machine, and puts the target table first', () => {
		const text = markdown(native({ tiles: undefined }), 'bench-results.json');
		expect(text).toContain('commit c');
		expect(text).toContain('cpu, 2 cores');
		expect(text.match(/^## .+$/gm)?.[0]).toBe('## Targets');
	});
});
