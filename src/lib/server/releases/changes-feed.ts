import type { ReleaseLogEntry } from '$lib/api/releases.ts';
import { recordKindLabel } from '$lib/domain/labels.ts';
import type { Translator } from '$lib/i18n/index.ts';
import { atomFeed } from '../feeds/atom-feed.ts';
import { atomHtml, atomLines } from '../feeds/atom-text.ts';

/** The text of one release for a feed reader: its summary, counts and corrections. */
function describe(entry: ReleaseLogEntry, i18n: Translator): string {
	const lines = [entry.summary];
	if (entry.synthetic) lines.push(i18n.t('changes.synthetic'));
	if (entry.changes.length === 0) lines.push(i18n.t('changes.nothingChanged'));
	for (const change of entry.changes) lines.push(i18n.t('changes.feedCounts', { ...change, kind: i18n.t(recordKindLabel(change.kind)) }));
	for (const correction of entry.corrections) {
		const record = correction.record
			? i18n.t('changes.correctionRecord', { kind: i18n.t(recordKindLabel(correction.record.kind)), id: correction.record.id })
			: i18n.t('changes.correctionGeneral');
		lines.push(i18n.t('changes.feedCorrection', { record, what: correction.what, why: correction.why }));
	}
	return atomLines(lines);
}

/** /changes as an Atom feed: one entry per release, newest first, links absolute under `origin`. */
export function changesFeed(entries: readonly ReleaseLogEntry[], i18n: Translator, origin: string): string {
	const feed = atomFeed({
		self: `${origin}/changes.atom`,
		title: i18n.t('changes.feedTitle'),
		description: i18n.t('changes.description'),
		link: `${origin}/changes`,
		language: i18n.locale,
		origin,
		newest: entries[0]?.releasedAt ?? null
	});
	for (const entry of entries) {
		feed.addItem({
			id: `${origin}/changes#release-${entry.number}`,
			title: atomHtml(i18n.t('changes.feedEntryTitle', { number: entry.number, date: entry.releasedOn })),
			link: `${origin}/changes#release-${entry.number}`,
			date: new Date(entry.releasedAt),
			published: new Date(entry.releasedAt),
			description: describe(entry, i18n)
		});
	}
	return feed.atom1();
}
