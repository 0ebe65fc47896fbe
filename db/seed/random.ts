import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

/** A seeded source of randomness: the same seed gives the same demo data set, always. */
export class Random {
	private readonly rng;
	constructor(seed: number) {
		this.rng = xoroshiro128plus(seed);
	}
	/** A float in [0, 1). */
	next(): number {
		return uniformFloat64(this.rng);
	}
	/** An integer in [from, to], both included. */
	int(from: number, to: number): number {
		return uniformInt(this.rng, from, to);
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(values: readonly T[]): T {
		return values[this.int(0, values.length - 1)];
	}
	weighted<T>(entries: readonly (readonly [T, number])[]): T {
		const total = entries.reduce((sum, [, w]) => sum + w, 0);
		let draw = this.next() * total;
		for (const [value, weight] of entries) {
			draw -= weight;
			if (draw < 0) return value;
		}
		return entries[entries.length - 1][0];
	}
	shuffle<T>(values: T[]): T[] {
		for (let i = values.length - 1; i > 0; i--) {
			const j = this.int(0, i);
			[values[i], values[j]] = [values[j], values[i]];
		}
		return values;
	}
	/** Exactly k distinct values drawn from the list (k is clamped to its length). */
	sample<T>(values: readonly T[], k: number): T[] {
		return this.shuffle([...values]).slice(0, Math.max(0, Math.min(k, values.length)));
	}
	/** A log-normal draw: most small, a long tail, as documented ammunition quantities are. */
	logNormal(median: number, spread: number): number {
		const u = 1 - this.next();
		const v = this.next();
		const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
		return median * Math.exp(spread * normal);
	}
	/** A day between two ISO dates, both included. */
	dateBetween(from: string, to: string): string {
		const a = Date.parse(from + 'T00:00:00Z');
		const b = Date.parse(to + 'T00:00:00Z');
		return isoDay(a + this.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000);
	}
}

export function isoDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
	return isoDay(Date.parse(day + 'T00:00:00Z') + days * 86_400_000);
}

export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);
}

/**
 * Splits a whole number into parts proportional to the weights, summing exactly to the
 * total (largest remainders), so calibrated counts never drift by rounding.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	const raw = weights.map((w) => (sum === 0 ? 0 : (total * w) / sum));
	const parts = raw.map(Math.floor);
	let left = total - parts.reduce((a, b) => a + b, 0);
	const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
	for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]]++;
	return parts;
}
