// Which of the explorer's charts a briefing shows: three or four that the selection has
// something to say in, in this order of use to a reader preparing a meeting.
import type { EvidenceStats } from '$lib/api/stats.ts';

export type BriefingChart = 'timeline' | 'category' | 'made-in' | 'trace-requests' | 'holding-force' | 'type';

export const MAX_CHARTS = 4;

// Each chart with what it needs to be worth a quarter page: a timeline of one year or a bar
// chart of one bar says nothing the key figures do not.
const WORTH_SHOWING: readonly [BriefingChart, (stats: EvidenceStats) => boolean][] = [
	['timeline', (s) => s.byYear.filter((year) => year.items > 0).length >= 2],
	['category', (s) => s.byCategory.length >= 2],
	['made-in', (s) => s.byMadeIn.length >= 2],
	['trace-requests', (s) => s.traceRequests > 0],
	['holding-force', (s) => s.byHoldingForce.length >= 2],
	['type', (s) => s.byType.length >= 2]
];

export function briefingCharts(stats: EvidenceStats): BriefingChart[] {
	return WORTH_SHOWING.filter(([, worth]) => worth(stats))
		.map(([chart]) => chart)
		.slice(0, MAX_CHARTS);
}
