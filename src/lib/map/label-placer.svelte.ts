// Keeps the map's placed labels (country names, and town names of the drawn sites at regional
// zooms) in step with the map: placed again when the reader zooms out past the zoom of the last
// placement, after each move, and when the drawn sites change. The greedy rule is in
// label-placement.ts; this class gathers the candidates and measures them as deck.gl draws them.
import { untrack } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CountryLabel } from '$lib/api/map.ts';
import type { Locale } from '$lib/i18n/locales.ts';
import type { MapContext } from './map-context.svelte.ts';
import { LABEL_FONT, labelBox, markBox, placeLabels, type Box, type LabelCandidate, type PlacedLabel } from './label-placement.ts';
import { parseMarkId } from './site-marks.ts';
import { radiusForUnits } from './map-style.ts';

/** Town names appear where sites are drawn one by one (the sites tile clusters up to z5). */
const TOWN_MIN_ZOOM = 5.5;
/** Countries without matching evidence are named from regional zooms on: at world zoom the
 * names say where the evidence is, not where every territory lies. */
const QUIET_COUNTRY_MIN_ZOOM = 2.5;
/** Placement zooms are quarter steps: zooming in within a step keeps the placement valid. */
const step = (zoom: number) => Math.floor(zoom * 4) / 4;

/** A site mark as drawn: where, and how large (its radius in screen pixels). */
interface DrawnMark {
	lon: number;
	lat: number;
	radius: number;
}

interface Town {
	id: string;
	name: string;
	lon: number;
	lat: number;
	units: number;
}

export class LabelPlacer {
	placed = $state.raw<PlacedLabel[]>([]);
	#towns: Town[] = [];
	#marks: DrawnMark[] = [];
	#zoom = Infinity;
	#widths = new Map<string, number>();
	#canvas: CanvasRenderingContext2D | null = null;

	/** Must be constructed while a component initialises: it owns an $effect. */
	constructor(
		private context: MapContext,
		private labels: () => CountryLabel[],
		private locale: () => Locale,
		private enabled: () => boolean
	) {
		$effect(() => {
			const map = context.map;
			if (!map) return;
			const onZoom = () => map.getZoom() < this.#zoom && this.#place(map);
			const onMoveEnd = () => this.#place(map);
			// Both read: a change in either places again.
			const onIdle = () => [this.#readTowns(map), this.#readMarks(map)].some(Boolean) && this.#place(map);
			// The label test reads the drawn boxes; only on a page opened with ?debug.
			if (new URLSearchParams(location.search).has('debug')) (window as unknown as { __atlasLabels: unknown }).__atlasLabels = () => this.screenBoxes(map);
			map.on('zoom', onZoom);
			map.on('moveend', onMoveEnd);
			map.on('idle', onIdle);
			return () => {
				map.off('zoom', onZoom);
				map.off('moveend', onMoveEnd);
				map.off('idle', onIdle);
			};
		});
		// New names, language, Filter ranking or switch: place again.
		$effect(() => {
			void [this.labels(), this.locale(), this.enabled(), context.countryEvidence, context.styleReady];
			const map = context.map;
			if (map) untrack(() => this.#place(map));
		});
	}

	/** The placed labels' boxes in screen pixels now, for the label test (`?debug` only). */
	screenBoxes(map: MapLibreMap): { id: string; text: string; box: Box }[] {
		return this.placed.map((label) => {
			const { x, y } = map.project([label.lon, label.lat]);
			return { id: label.id, text: label.text, box: labelBox(label, [x, y], this.#measure(label), 0) };
		});
	}

	#readTowns(map: MapLibreMap): boolean {
		const features = map.getZoom() >= TOWN_MIN_ZOOM && map.getLayer('sites-points') ? map.queryRenderedFeatures({ layers: ['sites-points'] }) : [];
		const towns = new Map<string, Town>();
		for (const feature of features) {
			if (feature.geometry.type !== 'Point' || !feature.properties.name) continue;
			const [lon, lat] = feature.geometry.coordinates as [number, number];
			const id = `site-${feature.id ?? feature.properties.id}`;
			towns.set(id, { id, name: String(feature.properties.name), lon, lat, units: Number(feature.properties.units) || 0 });
		}
		const next = [...towns.values()].sort((a, b) => a.id.localeCompare(b.id));
		if (JSON.stringify(next) === JSON.stringify(this.#towns)) return false;
		this.#towns = next;
		return true;
	}

	/** The site marks drawn now (merged clusters and single sites), as obstacles to names. */
	#readMarks(map: MapLibreMap): boolean {
		const layers = ['sites-cluster-marks', 'sites-points'].filter((id) => map.getLayer(id));
		const marks: DrawnMark[] = [];
		for (const feature of layers.length ? map.queryRenderedFeatures({ layers }) : []) {
			// Merged clusters carry their image id; a single site's is its layer's evaluated
			// icon-image (a string, or an image reference with its name).
			const image = (feature.properties.icon ?? (feature.layer.layout as Record<string, unknown> | undefined)?.['icon-image']) as string | { name?: string } | undefined;
			const mark = feature.geometry.type === 'Point' ? parseMarkId(typeof image === 'string' ? image : (image?.name ?? '')) : null;
			const [lon, lat] = (feature.geometry as GeoJSON.Point).coordinates as [number, number];
			if (mark) marks.push({ lon: Math.round(lon * 1e4) / 1e4, lat: Math.round(lat * 1e4) / 1e4, radius: mark.radius });
		}
		marks.sort((a, b) => a.lon - b.lon || a.lat - b.lat || a.radius - b.radius);
		if (JSON.stringify(marks) === JSON.stringify(this.#marks)) return false;
		this.#marks = marks;
		return true;
	}

	#place(map: MapLibreMap): void {
		if (!this.enabled()) {
			if (this.placed.length) this.placed = [];
			return;
		}
		const zoom = step(map.getZoom());
		const { counts, selected } = this.context.countryEvidence;
		const locale = this.locale();
		const quiet = map.getZoom() >= QUIET_COUNTRY_MIN_ZOOM;
		const countries: LabelCandidate[] = this.labels().flatMap((label): LabelCandidate[] => {
			const count = counts.get(label.iso3) ?? 0;
			// Tiers: the Filter's countries, countries with evidence, the rest; then most items.
			const tier = selected.has(label.iso3) ? 3 : count > 0 ? 2 : 1;
			if (tier === 1 && !quiet) return [];
			return [{
				id: `country-${label.iso3}`,
				text: label.names[locale] ?? label.name,
				lon: label.position[0],
				lat: label.position[1],
				size: tier === 3 ? 14 : tier === 2 ? 13 : 11,
				priority: tier * 1e10 + count,
				offset: [0, 0],
				movable: true,
				keep: tier === 3,
				anchor: 'middle',
				weight: 600
			}];
		});
		const towns: LabelCandidate[] = map.getZoom() >= TOWN_MIN_ZOOM ? this.#towns.map((town) => ({
			id: town.id,
			text: town.name,
			lon: town.lon,
			lat: town.lat,
			size: 12,
			priority: Math.min(town.units, 1e9),
			offset: [radiusForUnits(town.units) + 3, 0],
			anchor: 'start',
			weight: 500
		})) : [];
		this.#zoom = zoom;
		const marks = this.#marks.map((mark) => markBox(mark.lon, mark.lat, mark.radius, zoom));
		const next = placeLabels([...countries, ...towns], zoom, (label) => this.#measure(label), marks);
		if (JSON.stringify(next.map((l) => [l.id, l.text, l.offset])) !== JSON.stringify(this.placed.map((l) => [l.id, l.text, l.offset]))) this.placed = next;
	}

	/** As deck.gl's TextLayer lays a line out: the sum of each character's advance. */
	#measure(label: LabelCandidate): number {
		const key = `${label.weight}|${label.size}|${label.text}`;
		let width = this.#widths.get(key);
		if (width === undefined) {
			this.#canvas ??= document.createElement('canvas').getContext('2d');
			const ctx = this.#canvas!;
			ctx.font = `${label.weight} 64px ${LABEL_FONT}`;
			width = ([...label.text].reduce((sum, char) => sum + ctx.measureText(char).width, 0) * label.size) / 64;
			this.#widths.set(key, width);
		}
		return width;
	}
}
