import { atomFeed } from './atom-feed.ts';
import { recordDate } from '$lib/components/records/labels.ts';
import type { Translator } from '$lib/i18n/index.ts';
import { atomHtml } from './atom-text.ts';
import type { WatchEntry } from './watch-feed.ts';

interface WatchFeedAddress {
	/** The portal's origin: Atom ids and links are absolute. */
	origin: string;
	/** The canonical filter (`country=IRQ&category=weapon`), '' for none. */
	query: string;
}

/** The filter as a reader writes it: `country=IRQ,SYR, category=weapon`. */
const readableFilter = (query: string) => [...new URLSearchParams(query)].map(([key, value]) => `${key}=${value}`).join(', ');

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

function entryText(entry: WatchEntry, i18n: Translator): { title: string; summary: string; path: string } {
	if (entry.kind === 'item') {
		const values = { id: entry.id, type: entry.itemType, model: entry.model ?? 'none', site: entry.site, country: entry.country };
		const date = recordDate(i18n.t, entry.documentedOn, entry.documentedOnPrecision);
		return {
			title: i18n.t('watch.itemTitle', values),
			summary: i18n.t('watch.itemSummary', { ...values, date, release: entry.release }),
			path: `/items/${entry.id}`
		};
	}
	return {
		title: i18n.t('watch.caseTitle', { id: entry.id, title: entry.title }),
		summary: i18n.t('watch.caseSummary', { summary: entry.summary ?? '', release: entry.release }).trim(),
		path: `/cases/${entry.id}`
	};
}

/**
 * The watch feed as Atom: one entry per newly published item or case matching the Filter,
 * linking its record page; synthetic records carry the demo mark in their title.
 */
export function watchFeed(entries: readonly WatchEntry[], i18n: Translator, { origin, query }: WatchFeedAddress): string {
	const self = `${origin}${withQuery('/feed.atom', query)}`;
	const feed = atomFeed({
		self,
		title: query ? i18n.t('watch.feedTitleFiltered', { filter: readableFilter(query) }) : i18n.t('watch.feedTitle'),
		link: `${origin}${withQuery('/', query)}`,
		language: i18n.locale,
		origin,
		newest: entries[0]?.releasedAt ?? null
	});
	for (const entry of entries) {
		const { title, summary, path } = entryText(entry, i18n);
		const mark = (text: string) => (entry.synthetic ? i18n.t('watch.syntheticMark', { text }) : text);
		const released = new Date(entry.releasedAt);
		feed.addItem({ id: `${origin}${path}`, title: atomHtml(mark(title)), link: `${origin}${path}`, date: released, published: released, description: atomHtml(summary) });
	}
	return feed.atom1();
}
