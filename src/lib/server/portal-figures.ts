import { runSqlFile } from './sql-file.ts';
import { withViewer, type Viewer } from './viewer.ts';
import portalFiguresSql from './portal-figures.sql?raw';
import type { EvidenceCounts } from '../evidence-counts.ts';

export type { EvidenceCounts };

export interface PortalFigures {
	counts: EvidenceCounts;
	/** True when any visible row is synthetic: the demo-data notice must show. */
	synthetic: boolean;
	dataVersion: number;
	postgis: string;
}

interface PortalFiguresRow {
	items: number;
	units: string; // bigint arrives as text
	sites: number;
	cases: number;
	routes: number;
	trace_requests: number;
	trace_responses: number;
	parties: number;
	synthetic: boolean;
	data_version: string;
	postgis: string;
}

export async function readPortalFigures(viewer: Viewer): Promise<PortalFigures> {
	const [row] = await withViewer(viewer, (tx) => runSqlFile<PortalFiguresRow>(tx, portalFiguresSql));
	if (!row) throw new Error('portal figures query returned no row');
	return {
		counts: {
			items: row.items,
			units: Number(row.units),
			sites: row.sites,
			cases: row.cases,
			routes: row.routes,
			traceRequests: row.trace_requests,
			traceResponses: row.trace_responses,
			parties: row.parties
		},
		synthetic: row.synthetic,
		dataVersion: Number(row.data_version),
		postgis: row.postgis
	};
}
