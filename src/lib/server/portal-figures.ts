import { summarise } from './map/explorer-counts.ts';
import type { Queryable } from './sql-file.ts';
import { sqlTemplate } from './sql-template.ts';
import type { Viewer } from './viewer.ts';
import { sharedRead } from './http/shared-read.ts';
import portalFiguresSql from './portal-figures.sql?raw';
import type { EvidenceCounts, EvidenceMarks } from '$lib/api/stats.ts';

const portalFiguresQuery = sqlTemplate(portalFiguresSql);

export interface PortalFigures {
	counts: EvidenceCounts;
	/** Per figure: true when it counts a synthetic row (the page marks it as demo data). */
	marks: EvidenceMarks;
	/** True when any visible row is synthetic: the demo-data notice must show. */
	synthetic: boolean;
	dataVersion: number;
	postgis: string;
}

interface PortalFiguresRow {
	trace_requests: number;
	trace_responses: number;
	parties: number;
	synthetic_items: boolean;
	synthetic_sites: boolean;
	synthetic_cases: boolean;
	synthetic_routes: boolean;
	synthetic_trace_requests: boolean;
	synthetic_trace_responses: boolean;
	synthetic_parties: boolean;
	synthetic: boolean;
	data_version: string;
	postgis: string;
}

/**
 * The portal's figures as the transaction's viewer sees them. Items, units, sites, cases and
 * routes are the explorer summary with no filter: the same set the map and /api/summary count.
 */
export async function portalFigures(tx: Queryable): Promise<PortalFigures> {
	const map = await summarise(tx, {});
	const [row] = await portalFiguresQuery<PortalFiguresRow>(tx);
	if (!row) throw new Error('portal figures query returned no row');
	return {
		counts: {
			items: map.items,
			units: Number(map.units),
			sites: map.sites,
			cases: map.cases,
			routes: map.routes,
			traceRequests: row.trace_requests,
			traceResponses: row.trace_responses,
			parties: row.parties
		},
		marks: {
			items: row.synthetic_items,
			units: row.synthetic_items,
			sites: row.synthetic_sites,
			cases: row.synthetic_cases,
			routes: row.synthetic_routes,
			traceRequests: row.synthetic_trace_requests,
			traceResponses: row.synthetic_trace_responses,
			parties: row.synthetic_parties
		},
		synthetic: row.synthetic,
		dataVersion: Number(row.data_version),
		postgis: row.postgis
	};
}

export function readPortalFigures(viewer: Viewer): Promise<PortalFigures> {
	return sharedRead(viewer, 'portal-figures', [], portalFigures, { aggregate: true });
}
