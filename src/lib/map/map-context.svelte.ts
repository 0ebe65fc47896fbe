// The one owner of the MapLibre map: layers and sources are child components that ask this
// class to add themselves, so every mutation of the map goes through here (STYLE.md).
import { getContext, setContext } from 'svelte';
import type { AddLayerObject, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { SiteHighlight } from './site-highlight.ts';
import type { Padding } from './free-area.ts';
import { boxAround, lngLatBounds } from './view-box.ts';
import type { CountryCounts } from './choropleth.ts';

/** What the Filter finds per country: the choropleth paints it, the labels are ranked by it. */
export interface CountryEvidence {
	/** Matching items per country; the Filter's own countries only when it names some. */
	counts: CountryCounts;
	/** The countries the Filter names (empty: all). */
	selected: ReadonlySet<string>;
}

const key = Symbol('atlas-map');

export class MapContext {
	/** Raw: MapLibre's objects must not be proxied by Svelte. */
	map = $state.raw<MapLibreMap | null>(null);
	/** True once the style has loaded: sources and layers can only be added after it. */
	styleReady = $state(false);
	/** Tiles or data are loading (between MapLibre's 'dataloading' and 'idle'). */
	loading = $state(true);
	idle = $state(false);
	/** A tile or source failed: shown to the reader in words. */
	error = $state<string | null>(null);
	/** The visible area after the last move, [west, south, east, north] in degrees. */
	bounds = $state.raw<[number, number, number, number] | null>(null);
	/** A chart bar the reader points at: the sites layers outline the sites it stands for. */
	highlight = $state.raw<SiteHighlight | null>(null);
	countryEvidence = $state.raw<CountryEvidence>({ counts: new Map(), selected: new Set() });
	/**
	 * A move asked for before MapLibre arrived (it is imported when the canvas mounts, and a
	 * consignment's places can load first): made once the map has loaded, not dropped.
	 */
	private pendingMove: ((map: MapLibreMap) => void) | null = null;

	attach(map: MapLibreMap): () => void {
		const onLoad = () => (this.styleReady = true);
		const onLoading = () => {
			this.loading = true;
			this.idle = false;
		};
		const onIdle = () => {
			this.loading = false;
			this.idle = true;
		};
		const onError = (event: { error?: { message?: string; status?: number } }) => {
			this.error = event.error?.message ?? 'map error';
		};
		const onMoveEnd = () => (this.bounds = visibleBounds(map));
		map.on('load', onLoad);
		map.on('load', onMoveEnd);
		map.on('moveend', onMoveEnd);
		map.on('dataloading', onLoading);
		map.on('idle', onIdle);
		map.on('error', onError);
		this.map = map;
		const pending = this.pendingMove;
		this.pendingMove = null;
		if (pending) map.once('load', () => pending(map));
		return () => {
			this.styleReady = false;
			this.map = null;
			map.remove();
		};
	}

	addSource(id: string, source: SourceSpecification): void {
		if (this.map && !this.map.getSource(id)) this.map.addSource(id, source);
	}

	removeSource(id: string): void {
		// The map may already be gone when a child unmounts after its parent.
		if (this.map?.getSource(id) && this.map.style) this.map.removeSource(id);
	}

	addLayer(layer: AddLayerObject, beforeId?: string): void {
		if (!this.map || this.map.getLayer(layer.id)) return;
		this.map.addLayer(layer, beforeId && this.map.getLayer(beforeId) ? beforeId : undefined);
	}

	/** Centre a place in the free area (clear of `padding`), zooming in at least to where single sites are drawn. */
	flyTo(lon: number, lat: number, padding: Padding, minZoom = 7): void {
		this.move((map) => map.flyTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), minZoom), padding, essential: true }));
	}

	/** Frame a set of places (a consignment's origin and recovery sites) inside the free area. */
	fitPoints(points: ReadonlyArray<readonly [number, number]>, padding: Padding): void {
		const box = boxAround(points);
		if (box) this.move((map) => map.fitBounds(lngLatBounds(box), { padding, maxZoom: 8, essential: true }));
	}

	private move(move: (map: MapLibreMap) => void): void {
		if (this.map) move(this.map);
		else this.pendingMove = move;
	}

	removeLayer(id: string): void {
		if (this.map?.style && this.map.getLayer(id)) this.map.removeLayer(id);
	}
}

// Two decimals (~1 km) keep a bbox query stable while the map settles; clamped because
// the API refuses longitudes past ±180 and Web Mercator stops short of the poles.
function visibleBounds(map: MapLibreMap): [number, number, number, number] {
	const b = map.getBounds();
	const clamp = (value: number, limit: number) => Math.round(Math.max(-limit, Math.min(limit, value)) * 100) / 100;
	return [clamp(b.getWest(), 180), clamp(b.getSouth(), 85), clamp(b.getEast(), 180), clamp(b.getNorth(), 85)];
}

export function provideMap(context: MapContext): MapContext {
	return setContext(key, context);
}

export function useMap(): MapContext {
	const context = getContext<MapContext | undefined>(key);
	if (!context) throw new Error('map layers must be children of <MapView>');
	return context;
}
