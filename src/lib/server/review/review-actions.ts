import type { PublishVisibility, ReviewKind } from '$lib/api/review.ts';
import type { Account } from '../auth/account.ts';
import { sqlTemplate } from '../sql-template.ts';
import { asStaffWriter, noteNext, type StaffTransaction } from './staff-writer.ts';
import verifyEventsSql from './verify-events.sql?raw';
import verifyCasesSql from './verify-cases.sql?raw';
import raiseEventSitesSql from './raise-event-sites.sql?raw';
import publishEventsSql from './publish-events.sql?raw';
import unpublishEventsSql from './unpublish-events.sql?raw';
import setEventItemsSql from './set-event-items.sql?raw';
import publishCasesSql from './publish-cases.sql?raw';
import unpublishCasesSql from './unpublish-cases.sql?raw';
import makeReleaseSql from './make-release.sql?raw';

type Ids = { id: number };
const verifyEvents = sqlTemplate<Ids>(verifyEventsSql);
const verifyCases = sqlTemplate<Ids>(verifyCasesSql);
const raiseEventSites = sqlTemplate<Ids>(raiseEventSitesSql);
const publishEvents = sqlTemplate<Ids>(publishEventsSql);
const unpublishEvents = sqlTemplate<Ids>(unpublishEventsSql);
const setEventItems = sqlTemplate<Ids>(setEventItemsSql);
const publishCases = sqlTemplate<Ids>(publishCasesSql);
const unpublishCases = sqlTemplate<Ids>(unpublishCasesSql);
const makeRelease = sqlTemplate<{ number: number }>(makeReleaseSql);

/** The records one review step acts on: several events or several cases. */
export interface ReviewSelection {
	kind: ReviewKind;
	ids: number[];
}

/** What a step changed: the records it moved (others were not in the state it needs). */
export interface ReviewOutcome {
	changed: number[];
	/** The data release a publish or unpublish made; null when nothing changed (no release). */
	release: number | null;
}

const idList = (ids: number[]) => ids.join(', ');
const ids = (rows: Ids[]) => rows.map((row) => row.id);

/** Drafts become verified: nothing public changes, so no release. */
export function verifyRecords(account: Account, { kind, ids: chosen }: ReviewSelection): Promise<ReviewOutcome> {
	return asStaffWriter(account, `review: verify ${kind} ${idList(chosen)}`, async (tx) => {
		const rows = kind === 'events'
			? await verifyEvents(tx, { ids: chosen })
			: await verifyCases(tx, { ids: chosen, actor: account.email });
		return { changed: ids(rows), release: null };
	});
}

/**
 * Verified drafts are published as `visibility`, and the data release `summary` names is
 * made in the same transaction: the triggers move facts, rollups and the data version with
 * the change (015-022), so the next request shows it everywhere and the release counts it.
 */
export function publishRecords(account: Account, { kind, ids: chosen }: ReviewSelection, visibility: PublishVisibility, summary: string): Promise<ReviewOutcome> {
	return asStaffWriter(account, `review: publish ${kind} ${idList(chosen)} as ${visibility}`, async (tx) => {
		let changed: number[];
		if (kind === 'events') {
			await raiseEventSites(tx, { ids: chosen });
			changed = ids(await publishEvents(tx, { ids: chosen }));
			if (changed.length > 0) await setEventItems(tx, { events: changed, visibility });
		} else {
			changed = ids(await publishCases(tx, { ids: chosen, visibility }));
		}
		return { changed, release: await releaseIfChanged(tx, changed, summary) };
	});
}

/** Published records go back to draft (still verified), with a release that withdraws them. */
export function unpublishRecords(account: Account, { kind, ids: chosen }: ReviewSelection, summary: string): Promise<ReviewOutcome> {
	return asStaffWriter(account, `review: unpublish ${kind} ${idList(chosen)}`, async (tx) => {
		let changed: number[];
		if (kind === 'events') {
			changed = ids(await unpublishEvents(tx, { ids: chosen }));
			if (changed.length > 0) await setEventItems(tx, { events: changed, visibility: 'draft' });
		} else {
			changed = ids(await unpublishCases(tx, { ids: chosen }));
		}
		return { changed, release: await releaseIfChanged(tx, changed, summary) };
	});
}

async function releaseIfChanged(tx: StaffTransaction, changed: number[], summary: string): Promise<number | null> {
	if (changed.length === 0) return null;
	await noteNext(tx, `review: data release "${summary}"`);
	const [release] = await makeRelease(tx, { summary });
	return release.number;
}
