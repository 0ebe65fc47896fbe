import type { Filter } from '$lib/filter/filter-schema.ts';
import { filterCondition, requestCondition } from '../filter-sql.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import { bboxCondition } from '../http/bbox-sql.ts';
import type { Page } from '../http/page-params.ts';
import { countSource, dimensionSlots, siteRollup, type CountSource } from '../rollup-sql.ts';
import itemSql from './item-stats.sql?raw';
import chartsSql from './item-stats-charts.sql?raw';
import rollupRowsSql from './item-stats-rollup-rows.sql?raw';
import rollupTotalsSql from './item-stats-rollup-totals.sql?raw';
import dimensionRowsSql from './item-stats-dimension-rows.sql?raw';
import dimensionTotalsSql from './item-stats-dimension-totals.sql?raw';
import requestSql from './request-stats.sql?raw';
import factorSql from './factor-stats.sql?raw';
import selectedRequestsSql from './selected-requests.sql?raw';
import type { EvidenceStats, ResponseClassCounts } from '$lib/api/stats.ts';

const itemQuery = sqlTemplate(itemSql);
const chartsQuery = sqlTemplate(chartsSql);
const rollupRowsQuery = sqlTemplate(rollupRowsSql);
const rollupTotalsQuery = sqlTemplate(rollupTotalsSql);
const dimensionRowsQuery = sqlTemplate(dimensionRowsSql);
const dimensionTotalsQuery = sqlTemplate(dimensionTotalsSql);
const requestQuery = sqlTemplate(requestSql);
const factorQuery = sqlTemplate(factorSql);
const selectedRequestsQuery = sqlTemplate(selectedRequestsSql);

const rate = (responses: number, requests: number) => (requests === 0 ? null : responses / requests);

/** item-stats-charts.sql's slots from the rollups that answer `filter`: its rows, its totals, and which dimension's rows are the totals. */
function chartSlots(tx: Queryable, filter: Filter, source: Exclude<CountSource, 'items'>) {
	if (source === 'rollups') {
		const slots = { filter: filterCondition(tx, filter), site_rollup: siteRollup(tx, filter) };
		return { matching: rollupRowsQuery(tx, slots), totals: rollupTotalsQuery(tx, slots), total_dimension: 'type' };
	}
	const slots = dimensionSlots(tx, filter);
	return { matching: dimensionRowsQuery(tx, slots), totals: dimensionTotalsQuery(tx, slots), total_dimension: slots.dimension };
}

/** Every aggregate the charts draw, from the same Filter as the map. */
export async function evidenceStats(tx: Queryable, filter: Filter, bbox: Page['bbox'] = null, source?: CountSource): Promise<EvidenceStats> {
	// Limited to the map view, items count where they were recovered and requests by the
	// items they concern.
	const inView = bbox ? bboxCondition(tx, tx`f.geom_3857`, bbox) : undefined;
	// The rollups have no geometry: a map view is counted on item rows.
	const chosen = source ?? (inView ? 'items' : countSource(filter));
	const itemRows = await (chosen === 'items'
		? itemQuery(tx, { filter: filterCondition(tx, filter, inView) })
		: chartsQuery(tx, chartSlots(tx, filter, chosen)));
	const [{ ids }] = await selectedRequestsQuery(tx, { request_filter: requestCondition(tx, filter, inView) });
	// Row security hides how many requests match from the planner (it guessed 32 for 1,339),
	// so it looped over parties × requests; hash joins suit this whole-table aggregate.
	await tx`SET LOCAL enable_nestloop = off`;
	const requestRows = await requestQuery(tx, { request_ids: ids });
	await tx`SET LOCAL enable_nestloop = on`;
	const factorRows = await factorQuery(tx, { request_ids: ids });

	const items = (dimension: string) => itemRows.filter((r) => r.dimension === dimension);
	const requests = (dimension: string) => requestRows.filter((r) => r.dimension === dimension);
	const total = items('total')[0] ?? { items: 0, units: 0, sites: 0, cases: 0, weapons_aged: 0, over10: 0, over20: 0, over30: 0 };
	const requestTotal = requests('total')[0] ?? { requests: 0, responses: 0 };
	const classes: ResponseClassCounts = { expansive: 0, permissive: 0, dissuasive: 0 };
	for (const row of requests('class')) if (row.class) classes[row.class as keyof ResponseClassCounts] = row.responses;

	const byYear = new Map<number, EvidenceStats['byYear'][number]>();
	const year = (y: number) => byYear.get(y) ?? byYear.set(y, { year: y, items: 0, units: 0, requests: 0, responses: 0 }).get(y)!;
	for (const row of items('year')) Object.assign(year(Number(row.value)), { items: row.items, units: row.units });
	for (const row of requests('year')) Object.assign(year(row.year), { requests: row.requests, responses: row.responses });

	const factors = new Map<string, EvidenceStats['responseFactors'][number]>();
	for (const row of factorRows) {
		const entry = factors.get(row.factor) ?? { factor: row.factor, kind: row.kind, byClass: {} as EvidenceStats['responseFactors'][number]['byClass'] };
		entry.byClass[row.class as keyof ResponseClassCounts] = { count: row.with_factor, responses: row.responses, share: rate(row.with_factor, row.responses) };
		factors.set(row.factor, entry);
	}
	const aged = total.weapons_aged;
	return {
		items: total.items,
		units: total.units,
		sites: total.sites,
		cases: total.cases ?? 0,
		traceRequests: requestTotal.requests,
		traceResponses: requestTotal.responses,
		responseClasses: classes,
		byYear: [...byYear.values()].sort((a, b) => a.year - b.year),
		byCategory: items('category').map((r) => ({ value: r.value, items: r.items, units: r.units })),
		byType: items('type').slice(0, 30).map((r) => ({ value: r.value, items: r.items, units: r.units })),
		byMadeIn: items('made_in').slice(0, 30).map((r) => ({ value: r.value, label: r.label ?? r.value, items: r.items, units: r.units })),
		byHoldingForce: items('group').slice(0, 30).map((r) => ({ value: r.value, label: r.label ?? r.value, items: r.items, units: r.units })),
		responseRateByYearAndRecipient: requests('year_recipient_kind').map((r) => ({
			year: r.year, recipient: r.recipient, kind: r.kind, requests: r.requests, responses: r.responses, rate: rate(r.responses, r.requests)
		})),
		responseRateByRecipient: requests('recipient_kind').map((r) => ({
			recipient: r.recipient, kind: r.kind, requests: r.requests, responses: r.responses, rate: rate(r.responses, r.requests)
		})),
		responseFactors: [...factors.values()],
		byRegion: requests('region').map((r) => ({ region: r.region, requests: r.requests, responses: r.responses, rate: rate(r.responses, r.requests) })),
		manufactureDecades: items('decade').map((r) => ({ decade: Number(r.value), weapons: r.items })).sort((a, b) => a.decade - b.decade),
		ageAtRecovery: {
			weapons: aged,
			olderThan10: { count: total.over10, share: rate(total.over10, aged) },
			olderThan20: { count: total.over20, share: rate(total.over20, aged) },
			olderThan30: { count: total.over30, share: rate(total.over30, aged) }
		}
	};
}
