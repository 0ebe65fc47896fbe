import { databaseKind, type DatabaseKind } from './db.ts';
import type { EvidenceCounts } from '$lib/api/stats.ts';
import { readPortalFigures } from './portal-figures.ts';
import { anonymousViewer } from './viewer.ts';

export type HealthReport =
	| {
			status: 'ok';
			database: DatabaseKind;
			postgis: string;
			counts: EvidenceCounts;
			synthetic: boolean;
			dataVersion: number;
	  }
	| { status: 'unavailable' };

// A load balancer asking for health wants an answer quickly, not after postgres.js's
// 30-second connect timeout against a host that drops packets.
const healthDeadlineMs = 5_000;

/**
 * The service's health as the anonymous public sees it. Any failure is reported as
 * 'unavailable' and handed to `onFailure` for the log; the reader learns nothing more.
 */
export async function checkHealth(onFailure: (error: unknown) => void): Promise<HealthReport> {
	try {
		const figures = await withinDeadline(readPortalFigures(anonymousViewer), healthDeadlineMs);
		return {
			status: 'ok',
			database: databaseKind(),
			postgis: figures.postgis,
			counts: figures.counts,
			synthetic: figures.synthetic,
			dataVersion: figures.dataVersion
		};
	} catch (error) {
		onFailure(error);
		return { status: 'unavailable' };
	}
}

function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer from the database within ${ms} ms`)), ms);
	});
	return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
