// Text drawn by deck.gl, which rasterises system fonts itself: MapLibre symbol layers would
// need glyphs from a server (DESIGN.md: no third-party hosts), or a glyph set built and
// served by us for every script a name can be written in.
import type { Layer } from '@deck.gl/core';
import type { DeckLayersModule } from './deck-overlay.svelte.ts';
import { LABEL_FONT, type PlacedLabel } from './label-placement.ts';
import type { SiteRef } from '$lib/api/records.ts';

/** The site of a search hit, ringed on the map. */
export type SearchHitSite = Pick<SiteRef, 'id' | 'name' | 'lon' | 'lat'>;

const FONT = LABEL_FONT;

/**
 * The names the placer kept (label-placer.svelte.ts): countries in semi-bold, centred on their
 * label point; towns beside their site. None of them overlaps another.
 */
export function placedLabelLayers(deck: DeckLayersModule, placed: PlacedLabel[], dark: boolean): Layer[] {
	const common = {
		characterSet: 'auto' as const,
		fontFamily: FONT,
		getText: (label: PlacedLabel) => label.text,
		getPosition: (label: PlacedLabel) => [label.lon, label.lat] as [number, number],
		getSize: (label: PlacedLabel) => label.size,
		getPixelOffset: (label: PlacedLabel) => label.offset,
		getTextAnchor: (label: PlacedLabel) => label.anchor,
		outlineWidth: 3,
		outlineColor: (dark ? [20, 23, 27, 220] : [255, 255, 255, 220]) as [number, number, number, number],
		fontSettings: { sdf: true },
		sizeUnits: 'pixels' as const,
		// Picked like any mark, so the label test can check that a name is drawn where its box is.
		pickable: true
	};
	return [
		new deck.TextLayer<PlacedLabel>({
			...common,
			id: 'town-labels',
			data: placed.filter((label) => label.anchor === 'start'),
			fontWeight: 500,
			// A thinner halo: at 12 px a wide one swallows the strokes of the letters.
			outlineWidth: 2,
			getColor: dark ? [205, 210, 216, 235] : [45, 48, 54, 235]
		}),
		new deck.TextLayer<PlacedLabel>({
			...common,
			id: 'country-labels',
			data: placed.filter((label) => label.anchor === 'middle'),
			fontWeight: 600,
			getColor: dark ? [225, 228, 232, 235] : [60, 64, 70, 235]
		})
	];
}

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
