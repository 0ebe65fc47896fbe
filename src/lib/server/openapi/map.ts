// OpenAPI paths of the map: tiles, GeoJSON collections, counts and facets.
import { badRequestResponse, filterParameters } from './filter-parameters.ts';
import { MAX_TILE_ZOOM, TILE_LAYERS, tileLayers } from '../tiles/tile-manifest.ts';

// The layer list, zooms and attributes come from the registry, so a new layer is documented
// by its manifest entry alone.
const layerNotes = TILE_LAYERS.map((name) => {
	const { description, minzoom, maxzoom, attributes } = tileLayers[name];
	return `${name} (${description}; z ${minzoom}-${maxzoom}: ${Object.keys(attributes).join(', ')})`;
}).join(', ');

const page = [
	{ name: 'bbox', in: 'query', schema: { type: 'string' }, description: 'minLon,minLat,maxLon,maxLat (WGS 84).' },
	{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 5000, default: 1000 } },
	{ name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } }
];

const collection = (summary: string, properties: string) => ({
	get: {
		summary,
		description: `${properties} Paginated: numberMatched, numberReturned and next/prev links.`,
		parameters: [...filterParameters, ...page],
		responses: {
			'200': { description: 'An RFC 7946 FeatureCollection page.', content: { 'application/geo+json': { schema: { $ref: '#/components/schemas/FeatureCollectionPage' } } } },
			'400': badRequestResponse
		}
	}
});

export const mapPaths = {
	'/tiles/{layer}/{z}/{x}/{y}.mvt': {
		get: {
			summary: 'A Mapbox Vector Tile of one layer, filtered.',
			description:
				`Layers: ${layerNotes}. ETag from data version, layer, tile and canonical filter; If-None-Match answers 304; an empty tile is 204; a zoom outside the layer's range is 400 naming z.`,
			parameters: [
				{ name: 'layer', in: 'path', required: true, schema: { enum: TILE_LAYERS } },
				{ name: 'z', in: 'path', required: true, schema: { type: 'integer', minimum: 0, maximum: MAX_TILE_ZOOM }, description: "Within the layer's zoom range." },
				{ name: 'x', in: 'path', required: true, schema: { type: 'integer', minimum: 0 }, description: 'Below 2^z.' },
				{ name: 'y', in: 'path', required: true, schema: { type: 'integer', minimum: 0 }, description: 'Below 2^z.' },
				...filterParameters
			],
			responses: {
				'200': { description: 'The tile.', content: { 'application/vnd.mapbox-vector-tile': { schema: { type: 'string', format: 'binary' } } } },
				'204': { description: 'No feature in this tile.' },
				'304': { description: 'Not modified since the ETag given in If-None-Match.' },
				'400': badRequestResponse,
				'404': { description: 'Unknown layer.', content: { 'application/json': { schema: { $ref: '#/components/schemas/BadRequest' } } } }
			}
		}
	},
	'/api/sites.geojson': collection('Recovery sites with matching items.', 'Points: id, name, iso3, precision, items, units, top (category with most units), synthetic.'),
	'/api/routes.geojson': collection('Trafficking routes of matching items.', 'LineStrings from origin through waypoints to the recovery site: id, consignment, site, siteName, status (reconstructed | suspected), case, originIso3, synthetic.'),
	'/api/cases.geojson': collection('Diversion cases with matching items.', 'Points at the centre of the case sites: id, title, mechanism, iso3, items, synthetic.'),
	'/api/countries.geojson': {
		get: { summary: 'Country label points for the basemap.', responses: { '200': { description: 'Points: iso3, name (English), names (the name in each portal language: en, fr), conflict.', content: { 'application/geo+json': {} } } } }
	},
	'/api/summary': {
		get: {
			summary: 'Counts of what the Filter selects.',
			parameters: [...filterParameters],
			responses: {
				'200': { description: 'items, units, sites, cases, routes.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Summary' } } } },
				'400': badRequestResponse
			}
		}
	},
	'/api/stats': {
		get: {
			summary: 'The aggregates the charts draw, from the same Filter as the map.',
			description:
				'items, units, sites, cases; traceRequests and traceResponses (requests issued in the time range, about items matching the rest of the Filter) with responseClasses; byYear, byCategory, byType, byMadeIn, byHoldingForce; responseRateByYearAndRecipient and responseRateByRecipient (states vs companies, primary vs secondary); responseFactors (the factor table by class, with prompted secondary requests); byRegion (requests to governments per UN M49 region, Europe split in four); manufactureDecades and ageAtRecovery (shares of weapons older than 10, 20 and 30 years when recovered). Shapes: src/lib/api/stats.ts.',
			parameters: [...filterParameters, page[0]],
			responses: { '200': { description: 'The aggregates.', content: { 'application/json': {} } }, '400': badRequestResponse }
		}
	},
	'/api/facets': {
		get: {
			summary: 'Matching items per value of each filterable list, each counted without its own filter.',
			parameters: [...filterParameters],
			responses: {
				'200': { description: '{ category, type, country, made_in, response, marking }: arrays of { value, label?, count }.', content: { 'application/json': {} } },
				'400': badRequestResponse
			}
		}
	},
	'/api/flows': {
		get: {
			summary: 'Matching items from their country of manufacture to their country of recovery.',
			description:
				'One flow per ordered pair of countries: from, to (ISO 3166 alpha-3), items, units, source and target ([lon, lat] label points, null for a country without a shape); largest first. Items recovered where they were made, or of unknown make, are no flow.',
			parameters: [...filterParameters],
			responses: {
				'200': { description: 'The flows.', content: { 'application/json': { schema: { $ref: '#/components/schemas/FlowCollection' } } } },
				'400': badRequestResponse
			}
		}
	}
};

export const mapSchemas = {
	BadRequest: { type: 'object', required: ['error', 'field'], properties: { error: { type: 'string' }, field: { type: 'string' } } },
	Summary: {
		type: 'object',
		properties: { items: { type: 'integer' }, units: { type: 'integer' }, sites: { type: 'integer' }, cases: { type: 'integer' }, routes: { type: 'integer' } }
	},
	FlowCollection: {
		type: 'object',
		required: ['flows'],
		properties: {
			flows: {
				type: 'array',
				items: {
					type: 'object',
					required: ['from', 'to', 'items', 'units', 'source', 'target'],
					properties: {
						from: { type: 'string' },
						to: { type: 'string' },
						items: { type: 'integer' },
						units: { type: 'number' },
						source: { type: ['array', 'null'], items: { type: 'number' } },
						target: { type: ['array', 'null'], items: { type: 'number' } }
					}
				}
			}
		}
	},
	FeatureCollectionPage: {
		type: 'object',
		required: ['type', 'features', 'numberMatched', 'numberReturned', 'links'],
		properties: {
			type: { const: 'FeatureCollection' },
			features: { type: 'array', items: { type: 'object' } },
			numberMatched: { type: 'integer' },
			numberReturned: { type: 'integer' },
			links: { type: 'array', items: { type: 'object', properties: { rel: { type: 'string' }, href: { type: 'string' }, type: { type: 'string' } } } }
		}
	}
};
