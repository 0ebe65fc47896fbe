// Plans the 2015-2019 trace requests so that counting the rows gives the published
// figures: every quota is a target minus what the real records already contribute.
import {
	CALIBRATION_YEARS, DISSOLVED_PRODUCER_SHARE, FACTOR_SHARES, PRIMARY_RATE_BY_YEAR, REQUEST_CELLS,
	RESPONSE_CLASSES, STATE_RECIPIENTS, YEAR_WEIGHTS, type RecipientGroup, type RequestKind
} from './calibration.ts';
import { DISSOLVED_PRODUCERS } from './catalogue.ts';
import type { FixedRequest } from './real-records.ts';
import { apportion, type Random } from './random.ts';
import { TRACE_RESPONSE_CLASSES, type TraceFactorCode as TraceFactor, type TraceResponseClass } from '../../src/lib/domain/vocabulary.ts';

export interface PlannedRequest {
	group: RecipientGroup;
	kind: RequestKind;
	/** State recipients only; companies get a country when they are drawn. */
	recipientIso3: string | null;
	/** Primary requests only; a secondary request follows its parent's response. */
	year: number | null;
	responded: boolean;
	cls: TraceResponseClass | null;
	factors: TraceFactor[];
	prompted: boolean;
	/** Index of the parent in the plan, for secondary requests. */
	parent: number | null;
	failure: 'recipient_dissolved' | null;
	ammunition: boolean;
}

function remaining(target: number, used: number, what: string): number {
	if (used > target) throw new Error(`calibration: real records exceed the target for ${what}`);
	return target - used;
}

export function planTraces(rng: Random, fixed: readonly FixedRequest[]): PlannedRequest[] {
	const plan: PlannedRequest[] = [];
	const blank = (group: RecipientGroup, recipientIso3: string | null, responded: boolean): PlannedRequest => ({
		group, kind: 'primary', recipientIso3, year: null, responded, cls: null, factors: [], prompted: false,
		parent: null, failure: null, ammunition: false
	});

	// 1. Recipients: states from the per-state table, companies by total.
	for (const [iso3, requests, responses] of STATE_RECIPIENTS) {
		const mine = fixed.filter((f) => f.group === 'state' && f.recipientIso3 === iso3);
		const answered = mine.filter((f) => f.cls).length;
		const n = remaining(requests, mine.length, `requests to ${iso3 ?? 'an unnamed state'}`);
		const r = remaining(responses, answered, `responses from ${iso3 ?? 'an unnamed state'}`);
		for (let i = 0; i < n; i++) plan.push(blank('state', iso3, i < r));
	}
	for (const group of ['company'] as const) {
		const mine = fixed.filter((f) => f.group === group);
		const cells = REQUEST_CELLS[group];
		const n = remaining(cells.primary.requests + cells.secondary.requests, mine.length, 'company requests');
		const r = remaining(cells.primary.responses + cells.secondary.responses, mine.filter((f) => f.cls).length, 'company responses');
		for (let i = 0; i < n; i++) plan.push(blank(group, null, i < r));
	}

	// 2. Secondary requests: exactly the published number, answered at the published rate.
	for (const group of ['state', 'company'] as const) {
		const cell = REQUEST_CELLS[group].secondary;
		const fixedSecondary = fixed.filter((f) => f.group === group && f.kind === 'secondary');
		const answered = remaining(cell.responses, fixedSecondary.filter((f) => f.cls).length, `${group} secondary responses`);
		const unanswered = remaining(cell.requests - cell.responses, fixedSecondary.filter((f) => !f.cls).length, `${group} secondary requests`);
		const mine = plan.filter((p) => p.group === group);
		for (const p of rng.sample(mine.filter((p) => p.responded), answered)) p.kind = 'secondary';
		for (const p of rng.sample(mine.filter((p) => !p.responded), unanswered)) p.kind = 'secondary';
	}

	// 3. Years of primary requests: requests follow the year weights, responses the yearly rates.
	for (const group of ['state', 'company'] as const) {
		const cell = REQUEST_CELLS[group].primary;
		const requestsByYear = apportion(cell.requests, CALIBRATION_YEARS.map((y) => YEAR_WEIGHTS[y]));
		const responsesByYear = apportion(cell.responses, CALIBRATION_YEARS.map((y, i) => requestsByYear[i] * PRIMARY_RATE_BY_YEAR[group][y]));
		const answeredYears: number[] = [];
		const unansweredYears: number[] = [];
		CALIBRATION_YEARS.forEach((year, i) => {
			const mine = fixed.filter((f) => f.group === group && f.kind === 'primary' && f.year === year);
			const r = remaining(responsesByYear[i], mine.filter((f) => f.cls).length, `${group} responses in ${year}`);
			const u = remaining(requestsByYear[i] - responsesByYear[i], mine.filter((f) => !f.cls).length, `${group} requests in ${year}`);
			for (let k = 0; k < r; k++) answeredYears.push(year);
			for (let k = 0; k < u; k++) unansweredYears.push(year);
		});
		const primaries = plan.filter((p) => p.group === group && p.kind === 'primary');
		const answered = rng.shuffle(primaries.filter((p) => p.responded));
		const unanswered = rng.shuffle(primaries.filter((p) => !p.responded));
		if (answered.length !== answeredYears.length || unanswered.length !== unansweredYears.length) {
			throw new Error(`calibration: ${group} primary requests do not match the yearly quotas`);
		}
		answered.forEach((p, i) => (p.year = answeredYears[i]));
		unanswered.forEach((p, i) => (p.year = unansweredYears[i]));
	}

	// 4. Response classes.
	const responded = rng.shuffle(plan.filter((p) => p.responded));
	let cursor = 0;
	for (const cls of TRACE_RESPONSE_CLASSES) {
		const n = remaining(RESPONSE_CLASSES[cls], fixed.filter((f) => f.cls === cls).length, `${cls} responses`);
		for (let i = 0; i < n; i++) responded[cursor++].cls = cls;
	}
	if (cursor !== responded.length) throw new Error('calibration: response classes do not add up to the responses');

	// 5. Factors: the published share of each class, exactly.
	for (const cls of TRACE_RESPONSE_CLASSES) {
		const ofClass = plan.filter((p) => p.cls === cls);
		for (const [factor, shares] of Object.entries(FACTOR_SHARES)) {
			if (factor === 'prompted_secondary') continue;
			const target = Math.round(shares[cls] * RESPONSE_CLASSES[cls]);
			const used = fixed.filter((f) => f.cls === cls && f.factors.includes(factor as TraceFactor)).length;
			for (const p of rng.sample(ofClass, remaining(target, used, `${factor} in ${cls}`))) p.factors.push(factor as TraceFactor);
		}
	}

	// 6. Responses that prompted a secondary request: primary ones early enough to be followed up.
	for (const cls of TRACE_RESPONSE_CLASSES) {
		const target = Math.round(FACTOR_SHARES.prompted_secondary[cls] * RESPONSE_CLASSES[cls]);
		const used = fixed.filter((f) => f.cls === cls && f.prompted).length;
		const eligible = plan.filter((p) => p.cls === cls && p.kind === 'primary');
		const chosen = rng.sample(eligible, remaining(target, used, `prompted ${cls}`));
		if (chosen.length < target - used) throw new Error(`calibration: too few ${cls} primary responses to prompt`);
		for (const p of chosen) p.prompted = true;
	}

	// 7. Each secondary request follows a prompting response; every prompting response has one.
	const parents = plan.map((p, i) => [p, i] as const).filter(([p]) => p.prompted).map(([, i]) => i);
	const secondaries = rng.shuffle(plan.filter((p) => p.kind === 'secondary'));
	if (secondaries.length < parents.length) throw new Error('calibration: fewer secondary requests than prompting responses');
	secondaries.forEach((p, i) => (p.parent = i < parents.length ? parents[i] : rng.pick(parents)));

	// 8. Requests that failed because the producing state had dissolved (former Yugoslavia mostly).
	const total = plan.length + fixed.length;
	const dissolvable = plan.filter((p) => !p.responded && p.kind === 'primary' && p.recipientIso3 && DISSOLVED_PRODUCERS[p.recipientIso3]);
	const yugoslavFirst = rng.shuffle(dissolvable).sort((a, b) => Number(DISSOLVED_PRODUCERS[b.recipientIso3!] === 'YUG') - Number(DISSOLVED_PRODUCERS[a.recipientIso3!] === 'YUG'));
	for (const p of yugoslavFirst.slice(0, Math.round(DISSOLVED_PRODUCER_SHARE * total))) p.failure = 'recipient_dissolved';

	// 9. Over a third of requests concern conventional ammunition (published: more than 1,100).
	for (const p of plan) if (p.kind === 'primary') p.ammunition = rng.chance(0.43);
	for (const p of plan) if (p.parent !== null) p.ammunition = plan[p.parent].ammunition;
	return plan;
}
