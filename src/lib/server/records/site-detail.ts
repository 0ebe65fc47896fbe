import type { Filter } from '$lib/filter/filter-schema.ts';
import { canonicalFilter } from '$lib/filter/filter-schema.ts';
import type { CategoryTotal, SiteDetail, SiteEvent } from '$lib/api/records.ts';
import { filterCondition } from '../filter-sql.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import siteSql from './site-record.sql?raw';
import eventsSql from './site-events.sql?raw';
import totalsSql from './site-totals.sql?raw';

const siteQuery = sqlTemplate(siteSql);

const siteEvents = sqlTemplate(eventsSql);
const siteTotals = sqlTemplate(totalsSql);

export const SITE_EVENTS_MAX_LIMIT = 50;
export const SITE_EVENTS_DEFAULT_LIMIT = 20;

export interface SitePage {
	limit: number;
	offset: number;
}

/**
 * A recovery site for the detail panel: one page of its documentation events with the
 * items that match `filter`, and per-category totals under the same filter. Null when the
 * site is unknown or hidden.
 */
export async function readSiteDetail(tx: Queryable, siteId: number, filter: Filter, page: SitePage): Promise<SiteDetail | null> {
	const [found] = await siteQuery<{ site: SiteDetail['site'] }>(tx, { site_id: siteId });
	if (!found) return null;
	const condition = filterCondition(tx, filter);
	const [events, totals] = await Promise.all([
		siteEvents(tx, { site_id: siteId, filter: condition, page_limit: page.limit, page_offset: page.offset }) as unknown as Promise<{ event: SiteEvent }[]>,
		siteTotals(tx, { site_id: siteId, filter: condition }) as unknown as Promise<{ by_category: CategoryTotal[]; total_events: number }[]>
	]);
	return {
		site: found.site,
		filter: canonicalFilter(filter),
		events: events.map((row) => row.event),
		totalEvents: totals[0]?.total_events ?? 0,
		limit: page.limit,
		offset: page.offset,
		totals: totals[0]?.by_category ?? []
	};
}

export type SitePageCheck = { ok: true; page: SitePage } | { ok: false; error: string; field: 'limit' | 'offset' };

/** `limit` (1–50, default 20) and `offset` (≥ 0, default 0) from the query string. */
export function parseSitePage(params: URLSearchParams): SitePageCheck {
	const limitText = params.get('limit');
	const offsetText = params.get('offset');
	const limit = limitText === null || limitText === '' ? SITE_EVENTS_DEFAULT_LIMIT : Number(limitText);
	const offset = offsetText === null || offsetText === '' ? 0 : Number(offsetText);
	if (!/^\d*$/.test(limitText ?? '') || !Number.isInteger(limit) || limit < 1 || limit > SITE_EVENTS_MAX_LIMIT) {
		return { ok: false, field: 'limit', error: `limit: a whole number from 1 to ${SITE_EVENTS_MAX_LIMIT}` };
	}
	if (!/^\d*$/.test(offsetText ?? '') || !Number.isSafeInteger(offset) || offset > 1_000_000) {
		return { ok: false, field: 'offset', error: 'offset: a whole number from 0' };
	}
	return { ok: true, page: { limit, offset } };
}
