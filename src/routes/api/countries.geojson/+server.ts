import { json } from '@sveltejs/kit';
import { countryLabels } from '$lib/server/map/explorer-counts.ts';
import { countryNames } from '$lib/server/map/country-names.ts';
import { withViewer } from '$lib/server/viewer.ts';
import type { RequestHandler } from './$types';

/** Country label points for the basemap's names in every portal language (drawn by deck.gl: no glyph server). */
export const GET: RequestHandler = async ({ locals }) => {
	const labels = await withViewer(locals.viewer, (tx) => countryLabels(tx));
	const collection: GeoJSON.FeatureCollection = {
		type: 'FeatureCollection',
		features: labels.map(({ lon, lat, ...properties }) => ({
			type: 'Feature',
			id: properties.iso3,
			geometry: { type: 'Point', coordinates: [lon, lat] },
			properties: { ...properties, names: countryNames(properties.iso3, properties.name) }
		}))
	};
	return json(collection, { headers: { 'content-type': 'application/geo+json', 'cache-control': 'public, max-age=3600' } });
};
