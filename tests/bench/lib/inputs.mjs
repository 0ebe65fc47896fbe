// The bench's fixed inputs as requests: the committed sites tile addresses
// (tile-addresses.json), each with no filter, one filter and three filters, and the 20
// endpoint filters with their map views (filters.json).
import { readFileSync } from 'node:fs';

/** @typedef {{ z: number, filters: 0 | 1 | 3, path: string }} TileRequest */
/** @typedef {{ kind: string, path: string }} EndpointRequest */
/** @typedef {{ z: number, x: number, y: number, region: string, one: string, three: string }} TileAddress */

/** @param {string} name */
const readInput = (name) => JSON.parse(readFileSync(new URL(`../${name}`, import.meta.url), 'utf8'));

/**
 * Every (address, filter) request of the list; `every` keeps one address in that many.
 * @param {{ every?: number }} [options]
 * @returns {TileRequest[]}
 */
export function tileRequests({ every = 1 } = {}) {
	/** @type {TileAddress[]} */
	const tiles = readInput('tile-addresses.json').tiles;
	/** @type {TileRequest[]} */
	const requests = [];
	tiles.forEach((t, i) => {
		if (i % every !== 0) return;
		/** @type {[0 | 1 | 3, string][]} */
		const variants = [[0, ''], [1, t.one], [3, t.three]];
		for (const [filters, query] of variants) requests.push({ z: t.z, filters, path: `/tiles/sites/${t.z}/${t.x}/${t.y}.mvt${query ? `?${query}` : ''}` });
	});
	return requests;
}

/** @returns {{ filters: string[], bboxes: string[] }} */
export function benchFilters() {
	return readInput('filters.json');
}

export const ENDPOINTS = ['stats', 'summary', 'facets', 'sites.geojson bbox'];

/**
 * Every endpoint x filter request, for the first `limit` filters.
 * @param {number} [limit]
 * @returns {EndpointRequest[]}
 */
export function endpointRequests(limit = Infinity) {
	const { filters, bboxes } = benchFilters();
	return filters.slice(0, limit).flatMap((filter, i) => {
		const query = filter ? `?${filter}` : '';
		return [
			{ kind: 'stats', path: `/api/stats${query}` },
			{ kind: 'summary', path: `/api/summary${query}` },
			{ kind: 'facets', path: `/api/facets${query}` },
			{ kind: 'sites.geojson bbox', path: `/api/sites.geojson?bbox=${bboxes[i % bboxes.length]}&limit=1000${filter ? `&${filter}` : ''}` }
		];
	});
}
