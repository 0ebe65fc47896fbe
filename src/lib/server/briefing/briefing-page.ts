import type { Filter } from '$lib/filter/filter-schema.ts';
import type { Locale } from '$lib/i18n/locales.ts';
import { readPortalFigures } from '../portal-figures.ts';
import type { Viewer } from '../viewer.ts';
import { readBriefing } from './briefing-read.ts';
import { readBriefingCountries } from './briefing-countries.ts';

/** Everything the /briefing page reads from the database, started at once. */
export async function readBriefingPage(viewer: Viewer, filter: Filter, locale: Locale) {
	const [countries, briefing, figures] = await Promise.all([readBriefingCountries(viewer, locale), readBriefing(viewer, filter, locale), readPortalFigures(viewer)]);
	return { countries, briefing, synthetic: figures.synthetic };
}
