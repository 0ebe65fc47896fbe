import { describe, expect, it } from 'vitest';
import { planTraces } from '../../../../db/seed/trace-plan.ts';
import { Random } from '../../../../db/seed/random.ts';
import type { FixedRequest } from '../../../../db/seed/real-records.ts';

const fixed: FixedRequest[] = [
	{ group: 'state', recipientIso3: 'BEL', kind: 'primary', year: 2015, cls: 'permissive', factors: ['manufacturer_confirmed'], prompted: false },
	{ group: 'company', recipientIso3: 'TUR', kind: 'primary', year: 2019, cls: 'expansive', factors: [], prompted: false }
];

describe('trace plan', () => {
	const plan = planTraces(new Random(1), fixed);

	it('plans the published totals less what real records contribute', () => {
		expect(plan.length + fixed.length).toBe(3087);
		expect(plan.filter((p) => p.responded).length + fixed.length).toBe(1238);
	});

	it('gives every secondary request a parent whose response prompted it', () => {
		const secondaries = plan.filter((p) => p.kind === 'secondary');
		expect(secondaries.length).toBe(470);
		for (const s of secondaries) expect(plan[s.parent!].prompted).toBe(true);
		const parents = new Set(secondaries.map((s) => s.parent));
		expect(plan.filter((p) => p.prompted).every((p) => parents.has(plan.indexOf(p)))).toBe(true);
	});

	it('only fails unanswered requests for a dissolved producer', () => {
		const failed = plan.filter((p) => p.failure);
		expect(failed.length).toBe(309);
		expect(failed.every((p) => !p.responded && p.group === 'state')).toBe(true);
	});

	it('refuses real records that exceed a target', () => {
		const tooMany = Array.from({ length: 31 }, () => fixed[0]);
		expect(() => planTraces(new Random(1), tooMany)).toThrow(/exceed/);
	});
});
