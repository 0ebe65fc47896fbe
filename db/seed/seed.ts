import { SingleBar } from 'cli-progress';
import type { Sql } from '../connect.ts';
import { migrate } from '../migrate.ts';
import { generateDemoData } from './generate.ts';
import { isSeeded, loadDemoData, type LoadProgress } from './load.ts';

function progressBar(): LoadProgress {
	const bar = new SingleBar({
		format: '  loading [{bar}] {percentage}% | {value}/{total} rows | {table}',
		barCompleteChar: '#', barIncompleteChar: '.', hideCursor: true, noTTYOutput: true, notTTYSchedule: 3000
	});
	// After the rows, the long single statements: each is said, then how long it has run,
	// every 15 s, so a scale-60 seed's quarter of an hour of building facts is not silence.
	let loading = true;
	let ticker: NodeJS.Timeout | undefined;
	const endPhase = () => clearInterval(ticker);
	return {
		start: (total) => bar.start(total, 0, { table: '' }),
		advance: (rows, table) => bar.increment(rows, { table }),
		phase: (label) => {
			if (loading) bar.stop();
			loading = false;
			endPhase();
			const began = Date.now();
			console.log(`  ${label}`);
			ticker = setInterval(() => console.log(`  ${label}: ${Math.round((Date.now() - began) / 1000)} s`), 15_000);
			ticker.unref();
		},
		stop: () => {
			if (loading) bar.stop();
			endPhase();
		}
	};
}

/** Migrates, then loads the demo data when the database holds none. Prints a line per step. */
export async function seedIfEmpty(sql: Sql, options: { scale?: number; seed?: number } = {}): Promise<boolean> {
	const started = Date.now();
	const step = (text: string) => console.log(`[db] ${text} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	step('applying migrations');
	await migrate(sql, (name) => step(`applied ${name}`));
	if (await isSeeded(sql)) {
		step('demo data already loaded');
		return false;
	}
	step(`generating demo data (scale ${options.scale ?? 1})`);
	const generated = generateDemoData({ ...options, onStep: (s) => step(`  ${s}`) });
	step('loading demo data');
	await loadDemoData(sql, generated, progressBar());
	step('demo data loaded');
	return true;
}
