import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../../db/seed/generate.ts';

const fingerprint = (seed?: number) => createHash('sha256').update(JSON.stringify(generateDemoData({ seed }).data)).digest('hex');

describe('demo-data generator', () => {
	it('produces the same data set on every run with the same seed', () => {
		expect(fingerprint()).toBe(fingerprint());
	}, 60_000);

	it('produces a different data set with another seed', () => {
		expect(fingerprint(7)).not.toBe(fingerprint());
	}, 60_000);

	it('multiplies documentation with the scale but keeps the calibrated requests', () => {
		const one = generateDemoData({ scale: 1 }).data;
		const two = generateDemoData({ scale: 2 }).data;
		expect(two.items.length / one.items.length).toBeGreaterThan(1.8);
		const calibrated = (d: typeof one) => d.trace_requests.filter((r) => r.issued_on <= '2019-12-31').length;
		expect(calibrated(two)).toBe(calibrated(one));
	}, 60_000);

	it('refuses a scale that is not a whole number from 1 to 100', () => {
		expect(() => generateDemoData({ scale: 0 })).toThrow(/scale/);
		expect(() => generateDemoData({ scale: 1.5 })).toThrow(/scale/);
	});
});
