// Which path a sites tile takes, measured: for every address of tile-addresses.json with each
// of its filters (none, one, three), the sites layer's rows are read as the public reader both
// from the path rollup-sql.ts picks and from item rows, interleaved in the same run (so the
// two see the same machine), each the faster of two runs after one that plans and warms.
// Prints the p50/p95 by zoom band and path, and writes test-results/bench/tile-sources.json.
// Usage: node --import tsx --import ./tests/bench/app-import-hooks.mjs tests/bench/tile-sources.bench.mjs <database url> [--every N]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { parseFilter } from '$lib/filter/filter-schema.ts';
import { countSource } from '$lib/server/rollup-sql.ts';
import { layerRows } from '$lib/server/tiles/tile-layers.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { every: { type: 'string', default: '1' } } });
const [url] = positionals;
if (!url) throw new Error('usage: tile-sources.bench.mjs <database url> [--every N]');
const every = Number(values.every);
const { tiles } = JSON.parse(readFileSync(new URL('./tile-addresses.json', import.meta.url), 'utf8'));

const sql = postgres(url, { max: 1, onnotice: () => {} });
const asReader = (tx) => tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', 'public', true),
	set_config('atlas.viewer_country', '', true), set_config('plan_cache_mode', 'force_custom_plan', true),
	set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`;

/** Milliseconds to read the rows once, in a reader's transaction; and how many rows. */
async function timed(address, filter, source) {
	return sql.begin(async (tx) => {
		await asReader(tx);
		const t = performance.now();
		const rows = await layerRows(tx, address, filter, source);
		return { ms: performance.now() - t, rows: rows.length };
	});
}

const band = (z) => (z <= 2 ? 'z0-2' : z <= 5 ? 'z3-5' : z <= 9 ? 'z6-9' : 'z10-14');
const quantile = (xs, q) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : null;
};

const samples = [];
const work = tiles.filter((_, i) => i % every === 0).flatMap((t) => ['', t.one, t.three].map((query) => ({ t, query })));
let done = 0;
for (const { t, query } of work) {
	const parsed = parseFilter(new URLSearchParams(query));
	if (!parsed.ok) throw new Error(`tile-addresses.json: ${query} is not a valid filter`);
	const address = { layer: 'sites', z: t.z, x: t.x, y: t.y };
	const chosen = countSource(parsed.filter);
	const paths = chosen === 'items' ? ['items'] : [chosen, 'items'];
	const best = {};
	for (const source of paths) await timed(address, parsed.filter, source);
	for (let run = 0; run < 2; run++) {
		for (const source of paths) {
			const { ms, rows } = await timed(address, parsed.filter, source);
			if (best[source] && best[source].rows !== rows) throw new Error(`${source} gave ${rows} rows, then ${best[source].rows}`);
			best[source] = { ms: Math.min(ms, best[source]?.ms ?? Infinity), rows };
		}
	}
	if (paths.length === 2 && best[paths[0]].rows !== best.items.rows) {
		throw new Error(`${t.z}/${t.x}/${t.y}?${query}: ${chosen} gave ${best[chosen].rows} rows, item rows ${best.items.rows}`);
	}
	samples.push({ z: t.z, x: t.x, y: t.y, query, chosen, chosenMs: best[chosen].ms, itemsMs: best.items.ms, rows: best.items.rows });
	done += 1;
	if (done % 50 === 0 || done === work.length) console.log(`  tiles: ${done}/${work.length}`);
}
await sql.end();

const table = [];
for (const b of ['z0-2', 'z3-5', 'z6-9', 'z10-14']) {
	for (const chosen of ['rollups', 'dimension rollups', 'items']) {
		const group = samples.filter((s) => band(s.z) === b && s.chosen === chosen);
		if (!group.length) continue;
		const row = {
			band: b, chosen, n: group.length,
			chosenP50: quantile(group.map((s) => s.chosenMs), 0.5), chosenP95: quantile(group.map((s) => s.chosenMs), 0.95),
			itemsP50: quantile(group.map((s) => s.itemsMs), 0.5), itemsP95: quantile(group.map((s) => s.itemsMs), 0.95)
		};
		table.push(row);
		console.log(`${b.padEnd(7)} ${chosen.padEnd(16)} n=${String(row.n).padStart(3)}  chosen p50 ${row.chosenP50.toFixed(1)} p95 ${row.chosenP95.toFixed(1)} ms | item rows p50 ${row.itemsP50.toFixed(1)} p95 ${row.itemsP95.toFixed(1)} ms`);
	}
}
const all = samples.map((s) => s.chosenMs);
console.log(`all ${samples.length} (address, filter): chosen path p50 ${quantile(all, 0.5).toFixed(1)} p95 ${quantile(all, 0.95).toFixed(1)} ms`);
mkdirSync(new URL('../../test-results/bench/', import.meta.url), { recursive: true });
writeFileSync(new URL('../../test-results/bench/tile-sources.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), table, samples }, null, 1));
