import type { DestinationScope, HighRiskDestinations } from '$lib/api/records.ts';
import { filterCondition } from '../filter-sql.ts';
import { sharedRead } from '../http/shared-read.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { Viewer } from '../viewer.ts';
import destinationsSql from './high-risk-destinations.sql?raw';

const destinationsQuery = sqlTemplate(destinationsSql);

/** Transfers, items and cases listed as each destination's evidence; its figures count all. */
export const EVIDENCE_SHOWN = 8;

/**
 * The recipients of deliveries later documented in conflict that the transaction's viewer may
 * see, most items first. The documented items are chosen by the Filter's own conditions
 * (made_in, from, to), so the list and /api/stats count the same items.
 */
export async function readHighRiskDestinations(tx: Queryable, scope: DestinationScope): Promise<HighRiskDestinations> {
	const [found] = await destinationsQuery(tx, {
		documented: filterCondition(tx, {
			...(scope.madeIn.length ? { made_in: scope.madeIn } : {}),
			...(scope.from ? { from: scope.from } : {}),
			...(scope.to ? { to: scope.to } : {})
		}),
		shown: EVIDENCE_SHOWN
	});
	const answer = found.answer as Omit<HighRiskDestinations, 'scope'>;
	return { scope, ...answer };
}

/**
 * High-risk destinations as `viewer` sees them, for materiel made in `madeIn` (an ISO3 code,
 * or several; null: made anywhere) documented in `period`: the destinations page, a producing
 * country's page and a partner's dashboard share this read and its cache.
 */
export function highRiskDestinationsFor(
	viewer: Viewer,
	madeIn: string | readonly string[] | null,
	period: { from?: string | null; to?: string | null } = {}
): Promise<HighRiskDestinations> {
	const codes = madeIn === null ? [] : typeof madeIn === 'string' ? [madeIn] : [...madeIn].sort();
	const scope: DestinationScope = { madeIn: codes, from: period.from ?? null, to: period.to ?? null };
	return sharedRead(viewer, 'high-risk-destinations', [scope.madeIn.join(','), scope.from ?? '', scope.to ?? ''], (tx) => readHighRiskDestinations(tx, scope), {
		aggregate: true
	});
}
