// OpenAPI paths of the OGC API – Features (src/routes/ogc) and the TileJSON documents. The
// `limit` bounds are the ones items-query.ts applies (GDAL 3.8 and later size its pages
// from them).
import { OGC_DEFAULT_LIMIT, OGC_MAX_LIMIT, CRS84 } from '../ogc/items-query.ts';
import { OGC_COLLECTIONS } from '../ogc/ogc-collections.ts';
import { TILE_LAYERS } from '../tiles/tile-manifest.ts';
import { badRequestResponse, filterParameters } from './filter-parameters.ts';

const notFound = { description: 'No such collection or feature.', content: { 'application/json': { schema: { $ref: '#/components/schemas/BadRequest' } } } };
const format = { name: 'f', in: 'query', schema: { enum: ['json', 'geojson'] }, description: 'The encoding; JSON (GeoJSON for features) is the only one.' };
const collectionId = { name: 'collectionId', in: 'path', required: true, schema: { enum: OGC_COLLECTIONS.map((c) => c.id) } };
const json = (description: string) => ({ description, content: { 'application/json': {} } });

export const ogcPaths = {
	'/ogc': { get: { summary: 'OGC API – Features landing page: links to this definition, conformance and the collections.', parameters: [format], responses: { '200': json('title, description, links.') } } },
	'/ogc/conformance': { get: { summary: 'Conformance classes: OGC API – Features Part 1 Core and GeoJSON.', parameters: [format], responses: { '200': json('conformsTo.') } } },
	'/ogc/collections': {
		get: {
			summary: 'The collections (sites, cases, routes) with the extent of what the Filter selects.',
			parameters: [...filterParameters, format],
			responses: { '200': json('links, collections.'), '400': badRequestResponse }
		}
	},
	'/ogc/collections/{collectionId}': {
		get: { summary: 'One collection: extent (CRS84), time interval, links.', parameters: [collectionId, ...filterParameters, format], responses: { '200': json('The collection.'), '400': badRequestResponse, '404': notFound } }
	},
	'/ogc/collections/{collectionId}/items': {
		get: {
			summary: "A page of the collection's features matching the Filter, bbox and datetime.",
			description: 'numberMatched, numberReturned, timeStamp and self/next/prev links (next until every feature is reached). datetime selects by the days the items were documented and replaces from/to.',
			parameters: [
				collectionId,
				{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: OGC_MAX_LIMIT, default: OGC_DEFAULT_LIMIT }, description: `A larger limit is served as ${OGC_MAX_LIMIT}.` },
				{ name: 'bbox', in: 'query', schema: { type: 'string' }, description: 'minLon,minLat,maxLon,maxLat (or with heights: 6 numbers), CRS84.', explode: false, style: 'form' },
				{ name: 'bbox-crs', in: 'query', schema: { enum: [CRS84] } },
				{ name: 'datetime', in: 'query', schema: { type: 'string' }, description: 'An RFC 3339 date or date-time, or an interval start/end with .. or nothing for an open end.' },
				{ name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 }, description: 'Set by next/prev links.' },
				...filterParameters,
				format
			],
			responses: {
				'200': { description: 'A GeoJSON FeatureCollection page.', content: { 'application/geo+json': { schema: { $ref: '#/components/schemas/FeatureCollectionPage' } } } },
				'400': badRequestResponse,
				'404': notFound
			}
		}
	},
	'/ogc/collections/{collectionId}/items/{featureId}': {
		get: {
			summary: 'One feature, as its collection shows it unfiltered.',
			parameters: [collectionId, { name: 'featureId', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }, format],
			responses: { '200': { description: 'A GeoJSON Feature with links.', content: { 'application/geo+json': {} } }, '400': badRequestResponse, '404': notFound }
		}
	},
	'/tiles/{layer}.json': {
		get: {
			summary: "TileJSON 3.0.0 of a tile layer: the tiles template (carrying the Filter for filtered layers), zooms, bounds, the layer's fields.",
			parameters: [{ name: 'layer', in: 'path', required: true, schema: { enum: TILE_LAYERS } }, ...filterParameters],
			responses: { '200': json('The TileJSON document.'), '400': badRequestResponse, '404': notFound }
		}
	}
};
