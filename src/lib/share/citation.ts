// The citation line of a view: "Diversion Atlas, <view title>, <permalink>, data release <n>,
// retrieved <date>". Without a release (none recorded yet) the release part is left out:
// a citation never names a release the figures did not come from.
import type { MessageKey, MessageValues } from '$lib/i18n/index.ts';
import type { DataRelease } from '$lib/releases/data-release.ts';

type Say = (key: MessageKey, values?: MessageValues) => string;

export interface CitedView {
	title: string;
	permalink: string;
	release: DataRelease | null;
	retrieved: Date;
}

export function citationLine({ title, permalink, release, retrieved }: CitedView, locale: string, t: Say): string {
	const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(retrieved);
	const values = { site: t('site.name'), title, permalink, date };
	return release ? t('share.citation.withRelease', { ...values, release: String(release.number) }) : t('share.citation.noRelease', values);
}
