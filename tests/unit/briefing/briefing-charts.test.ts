import { describe, expect, it } from 'vitest';
import type { EvidenceStats } from '../../../src/lib/api/stats.ts';
import { briefingCharts, MAX_CHARTS } from '../../../src/lib/briefing/briefing-charts.ts';

const year = (y: number, items: number) => ({ year: y, items, units: items, requests: 0, responses: 0 });
const row = (value: string) => ({ value, label: value, items: 1, units: 1 });
const stats = (over: Partial<EvidenceStats>): EvidenceStats =>
	({ byYear: [], byCategory: [], byMadeIn: [], byHoldingForce: [], byType: [], traceRequests: 0, ...over }) as EvidenceStats;

describe('briefingCharts', () => {
	it.each([
		['nothing matches: no chart', stats({}), []],
		['one year of records draws no timeline', stats({ byYear: [year(2016, 3), year(2017, 0)] }), []],
		['two years draw a timeline', stats({ byYear: [year(2016, 3), year(2017, 1)] }), ['timeline']],
		['one category (the Filter chose it) draws no category bars', stats({ byCategory: [row('weapon')], byMadeIn: [row('CHN'), row('RUS')] }), ['made-in']],
		['trace requests alone draw the trace chart', stats({ traceRequests: 4 }), ['trace-requests']],
		[
			'a rich selection stops at four, in reading order',
			stats({ byYear: [year(2015, 1), year(2016, 1)], byCategory: [row('weapon'), row('ied')], byMadeIn: [row('CHN'), row('RUS')], traceRequests: 9, byHoldingForce: [row('1'), row('2')], byType: [row('a'), row('b')] }),
			['timeline', 'category', 'made-in', 'trace-requests']
		],
		['holding forces and types fill in for what is missing', stats({ byHoldingForce: [row('1'), row('2')], byType: [row('a'), row('b')] }), ['holding-force', 'type']]
	])('%s', (_, given, expected) => {
		expect(briefingCharts(given)).toEqual(expected);
		expect(briefingCharts(given).length).toBeLessThanOrEqual(MAX_CHARTS);
	});
});
