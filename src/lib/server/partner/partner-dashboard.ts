import type { PartnerDashboard, PartnerNews } from '$lib/api/review.ts';
import type { Account } from '../auth/account.ts';
import { viewerOf } from '../auth/account.ts';
import { readProducerProfile } from '../records/producer-profile.ts';
import { sqlTemplate } from '../sql-template.ts';
import { withViewer } from '../viewer.ts';
import newsSql from './partner-news.sql?raw';
import recordVisitSql from './record-visit.sql?raw';
import countryNameSql from './country-name.sql?raw';

const newsQuery = sqlTemplate<{ news: PartnerNews; total: number }>(newsSql);
const recordVisit = sqlTemplate<{ previous: Date | null }>(recordVisitSql);
const countryName = sqlTemplate<{ name: string }>(countryNameSql);

const NEWS_SHOWN = 50;

/**
 * A partner authority's dashboard, read as that partner (restricted rows of its partition
 * count, and nothing else): its country's materiel as producer (the country page's producer
 * profile, so the figures are /api/stats?made_in=<its country>'s), the red-flagged parties in
 * its supply chains, and what was made visible to it since its last visit, which this visit
 * replaces. High-risk destinations are wired in by the route (a slot on the page).
 */
export async function readPartnerDashboard(account: Account): Promise<PartnerDashboard> {
	const viewer = viewerOf(account);
	if (viewer.role !== 'partner') throw new Error('the partner dashboard is for a partner account');
	const iso3 = viewer.country;
	return withViewer(viewer, async (tx) => {
		const [visit] = await recordVisit(tx, { account: account.id });
		const lastVisit = visit.previous;
		const [country, producer, news] = await Promise.all([
			countryName(tx, { iso3 }),
			readProducerProfile(tx, iso3, {}),
			lastVisit === null ? Promise.resolve([]) : newsQuery(tx, { iso3, since: lastVisit, limit: NEWS_SHOWN })
		]);
		return {
			country: { iso3, name: country[0]?.name ?? iso3 },
			producer,
			lastVisit: lastVisit?.toISOString() ?? null,
			news: news.map((row) => row.news),
			newsCount: news[0]?.total ?? 0
		};
	}, { aggregate: true });
}
