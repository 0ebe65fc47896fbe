import type { Filter } from '$lib/filter/filter-schema.ts';
import { filterCondition, type SqlFragment } from '../filter-sql.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { TileAddress } from './tile-address.ts';
import { tileManifest } from './tile-address.ts';
import countriesSql from '../../../../tiles/countries.sql?raw';
import sitesSql from '../../../../tiles/sites.sql?raw';
import routesSql from '../../../../tiles/routes.sql?raw';

const countries = sqlTemplate(countriesSql);
const sites = sqlTemplate(sitesSql);
const routes = sqlTemplate(routesSql);

/** The query producing a layer's rows in tile coordinates, as a fragment for an encoder. */
export function layerRows(tx: Queryable, { layer, z, x, y }: TileAddress, filter: Filter): SqlFragment {
	switch (layer) {
		case 'countries':
			return countries(tx, { z, x, y });
		case 'sites': {
			const { clusterMaxZoom, cellPx } = tileManifest.layers.sites.aggregation;
			return sites(tx, { z, x, y, filter: filterCondition(tx, filter), cluster_max_zoom: clusterMaxZoom, cell_px: cellPx });
		}
		case 'routes':
			return routes(tx, { z, x, y, filter: filterCondition(tx, filter) });
	}
}

/** Whether the layer depends on the Filter (the basemap does not, so it caches once). */
export function isFiltered(layer: TileAddress['layer']): boolean {
	return tileManifest.layers[layer].filtered;
}
