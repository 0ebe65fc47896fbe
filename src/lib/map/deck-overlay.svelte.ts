// The one deck.gl overlay of the map (STYLE.md): interleaved into MapLibre's WebGL context,
// added as a control, fed every deck layer in one setProps. deck.gl is imported lazily so the
// map's first paint does not wait for ~210 KB of it.
import type { Layer } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';

export type DeckLayersModule = typeof import('@deck.gl/layers');

export class DeckOverlay {
	/** The deck.gl layer classes, once loaded; layer builders take them as an argument. */
	layers = $state.raw<DeckLayersModule | null>(null);
	error = $state<string | null>(null);
	#overlay: import('@deck.gl/maplibre').MapLibreOverlay | null = null;

	async attach(map: MapLibreMap): Promise<() => void> {
		try {
			const [{ MapLibreOverlay }, layers] = await Promise.all([import('@deck.gl/maplibre'), import('@deck.gl/layers')]);
			this.#overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
			map.addControl(this.#overlay);
			if (new URLSearchParams(location.search).has('debug')) (window as unknown as { __atlasDeck: unknown }).__atlasDeck = this.#overlay;
			this.layers = layers;
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		}
		return () => {
			if (this.#overlay && map.hasControl(this.#overlay)) map.removeControl(this.#overlay);
			this.#overlay = null;
		};
	}

	setLayers(layers: Layer[]): void {
		this.#overlay?.setProps({ layers });
	}
}
