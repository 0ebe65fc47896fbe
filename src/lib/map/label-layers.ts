// Text drawn by deck.gl, which rasterises system fonts itself: MapLibre symbol layers would
// need glyphs from a server (DESIGN.md: no third-party hosts).
import type { Layer } from '@deck.gl/core';
import type { DeckLayersModule } from './deck-overlay.svelte.ts';
import type { CountryLabel } from '$lib/api/map.ts';
import type { SiteRef } from '$lib/api/records.ts';

/** A grid cell of the sites tile with its site count, placed where the map draws it. */
export interface ClusterCount {
	sites: number;
	position: [number, number];
}
/** The site of a search hit, ringed on the map. */
export type SearchHitSite = Pick<SiteRef, 'id' | 'name' | 'lon' | 'lat'>;

const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

/** At world zoom only conflict-affected states are named: deck.gl text has no collision. */
export function countryLabelLayer(deck: DeckLayersModule, labels: CountryLabel[], zoom: number, dark: boolean): Layer {
	const shown = zoom < 3 ? labels.filter((label) => label.conflict) : labels;
	return new deck.TextLayer<CountryLabel>({
		id: 'country-labels',
		data: shown,
		characterSet: 'auto',
		fontFamily: FONT,
		fontWeight: 600,
		getText: (label) => label.name,
		getPosition: (label) => label.position,
		getSize: (label) => (label.conflict ? 13 : 11),
		getColor: dark ? [225, 228, 232, 230] : [60, 64, 70, 230],
		outlineWidth: 3,
		outlineColor: dark ? [20, 23, 27, 220] : [255, 255, 255, 220],
		fontSettings: { sdf: true },
		sizeUnits: 'pixels',
		updateTriggers: { data: zoom < 3 }
	});
}

/** Counts on the grid cells that hold more than one site: a lone site needs no number. */
export function clusterCountLayer(deck: DeckLayersModule, clusters: ClusterCount[]): Layer {
	return new deck.TextLayer<ClusterCount>({
		id: 'cluster-counts',
		data: clusters.filter((cluster) => cluster.sites > 1),
		characterSet: '0123456789k.,',
		fontFamily: FONT,
		fontWeight: 700,
		getText: (cluster) => compact(cluster.sites),
		getPosition: (cluster) => cluster.position,
		getSize: 11,
		getColor: [255, 255, 255, 255],
		outlineWidth: 2,
		outlineColor: [0, 0, 0, 160],
		fontSettings: { sdf: true },
		sizeUnits: 'pixels'
	});
}

const compact = (n: number) => (n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n));

/** Rings around the sites of serial-search results, so they can be found on the map. */
export function searchHitLayer(deck: DeckLayersModule, sites: SearchHitSite[]): Layer {
	return new deck.ScatterplotLayer<SearchHitSite>({
		id: 'search-hits',
		data: sites,
		stroked: true,
		filled: false,
		radiusUnits: 'pixels',
		lineWidthUnits: 'pixels',
		getPosition: (site) => [site.lon, site.lat],
		getRadius: 14,
		getLineWidth: 3,
		getLineColor: [26, 86, 219, 255]
	});
}
