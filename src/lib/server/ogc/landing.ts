import type { Translator } from '$lib/i18n/index.ts';
import { JSON_TYPE, OGC_BASE, OPENAPI_TYPE, ogcLink, type OgcLink } from './ogc-links.ts';

export interface LandingPage {
	title: string;
	description: string;
	attribution: string;
	links: OgcLink[];
}

/** The OGC API landing page (Part 1 §7.2): where the API definition, conformance and data are. */
export function landingPage(origin: string, { t }: Translator): LandingPage {
	return {
		title: t('ogc.title'),
		description: t('ogc.description'),
		attribution: t('ogc.attribution'),
		links: [
			ogcLink(origin, OGC_BASE, 'self', JSON_TYPE, t('ogc.link.landing')),
			ogcLink(origin, '/api/openapi.json', 'service-desc', OPENAPI_TYPE, t('ogc.link.openapi')),
			ogcLink(origin, `${OGC_BASE}/conformance`, 'conformance', JSON_TYPE, t('ogc.link.conformance')),
			ogcLink(origin, `${OGC_BASE}/collections`, 'data', JSON_TYPE, t('ogc.link.collections')),
			ogcLink(origin, '/', 'alternate', 'text/html', t('ogc.link.portal'))
		]
	};
}
