// What a downloaded chart says about itself, in the reader's language: the same facts the
// item downloads' citation gives (filter, source, release, day), and the demo notice while
// the figures count synthetic rows. Pure, so the picture and its test share it.
import type { Translator } from '$lib/i18n/index.ts';
import type { DataRelease } from '$lib/releases/data-release.ts';
import type { PictureCredits } from './svg-picture.ts';

export interface ChartSource {
	title: string;
	/** The view's Filter as a canonical query ('' for every item). */
	filterQuery: string;
	permalink: string;
	release: DataRelease | null;
	synthetic: boolean;
	retrievedOn: Date;
}

export function chartCredits(t: Translator['t'], { title, filterQuery, permalink, release, synthetic, retrievedOn }: ChartSource): PictureCredits {
	const lines = [
		filterQuery ? t('exports.chart.filter', { query: filterQuery }) : t('exports.chart.noFilter'),
		t('exports.chart.source', { permalink, release: release ? String(release.number) : 'none', date: retrievedOn.toISOString().slice(0, 10) })
	];
	if (synthetic) lines.push(t('exports.chart.demo'));
	return { title, lines };
}
