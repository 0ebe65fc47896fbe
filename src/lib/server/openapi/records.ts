// OpenAPI 3.1 `paths` for the record endpoints (search, item chain, site panel, consignment,
// party suggestions), merged into /api/openapi.json by src/lib/server/openapi/document.ts.
// Response shapes are the interfaces in src/lib/api/records.ts; the schemas below name
// their top-level fields and link to that file rather than restating every nested field.
import { badRequestResponse, filterParameters } from './filter-parameters.ts';

const notFound = {
	description: 'Unknown, or not visible to this reader: { error, field } like a 400.',
	content: { 'application/json': { schema: { $ref: '#/components/schemas/BadRequest' } } }
} as const;

const idParameter = {
	name: 'id',
	in: 'path',
	required: true,
	schema: { type: 'integer', minimum: 1, maximum: 2147483647 }
} as const;

const json = (description: string, properties: Record<string, object>, required: string[]) => ({
	description,
	content: { 'application/json': { schema: { type: 'object', required, properties } } }
});

const array = { type: 'array' } as const;
const integers = { type: 'array', items: { type: 'integer' } } as const;

export const recordsPaths = {
	'/api/search': {
		get: {
			summary: 'Find items by serial, lot, factory code, import mark or order/contract number',
			description:
				'Partial and case-insensitive; spaces and dashes are ignored on both sides. Visible items only; at most 50 hits (`truncated` says when there were more). Shape: SearchResult in src/lib/api/records.ts.',
			parameters: [{ name: 'q', in: 'query', required: true, description: 'at least 3 characters other than spaces and dashes', schema: { type: 'string', maxLength: 100 } }],
			responses: {
				'200': json('Matching items and items related to them', {
					query: { type: 'string' }, normalised: { type: 'string' }, items: array,
					related: { type: 'object', properties: { sameLot: integers, sameOrder: integers, sameConsignment: integers } },
					total: { type: 'integer' }, limit: { type: 'integer' }, truncated: { type: 'boolean' }
				}, ['query', 'items', 'related', 'total', 'limit', 'truncated']),
				'400': badRequestResponse
			}
		}
	},
	'/api/items/{id}': {
		get: {
			summary: 'One item with its trace chain',
			description: 'Documentation, markings, photos, trace requests and responses with factors, consignment and transfers with waypoints, cases, locked right-of-reply texts. Shape: ItemChain.',
			parameters: [idParameter],
			responses: {
				'200': json('The item and its chain', {
					item: { type: 'object' }, documentation: { type: 'object' }, traceRequests: array,
					consignment: { type: ['object', 'null'] }, cases: array, rightOfReply: array
				}, ['item', 'documentation', 'traceRequests', 'consignment', 'cases', 'rightOfReply']),
				'400': badRequestResponse,
				'404': notFound
			}
		}
	},
	'/api/sites/{id}': {
		get: {
			summary: 'A recovery site with its documentation events and items under the Filter',
			description: 'Events newest first, only those with an item matching the Filter; totals by category under the same Filter. Shape: SiteDetail.',
			parameters: [
				idParameter,
				...filterParameters,
				{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
				{ name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } }
			],
			responses: {
				'200': json('The site panel', {
					site: { type: 'object' }, filter: { type: 'string' }, events: array, totalEvents: { type: 'integer' },
					limit: { type: 'integer' }, offset: { type: 'integer' }, totals: array
				}, ['site', 'filter', 'events', 'totalEvents', 'limit', 'offset', 'totals']),
				'400': badRequestResponse,
				'404': notFound
			}
		}
	},
	'/api/consignments/{id}': {
		get: {
			summary: 'A consignment with its origin, transfers, recovery sites and routes',
			description: 'originPoint is the first waypoint, else the origin country label point; goods (the category with most units) and recipient (the first transfer\'s receiving party) name it. Shape: ConsignmentDetail.',
			parameters: [idParameter],
			responses: {
				'200': json('The consignment', {
					id: { type: 'integer' }, reference: { type: 'string' }, originPoint: { type: ['object', 'null'] },
					goods: { type: ['string', 'null'] }, recipient: { type: ['object', 'null'] },
					transfers: array, sites: array, routes: array, synthetic: { type: 'boolean' }
				}, ['id', 'reference', 'originPoint', 'transfers', 'sites', 'routes', 'synthetic']),
				'400': badRequestResponse,
				'404': notFound
			}
		}
	},
	'/api/parties': {
		get: {
			summary: 'Party suggestions for the filter panel',
			description: 'Manufacturers (role=manufacturer) or holding forces (role=group) whose name contains q, most visible items first. Shape: PartySuggestions.',
			parameters: [
				{ name: 'q', in: 'query', schema: { type: 'string', maxLength: 100, default: '' } },
				{ name: 'role', in: 'query', required: true, schema: { type: 'string', enum: ['manufacturer', 'group'] } },
				{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
				{ name: 'ids', in: 'query', schema: { type: 'string' }, description: 'Up to 50 comma-separated party ids to name instead of a text search.' }
			],
			responses: {
				'200': json('Suggestions', {
					role: { type: 'string' }, query: { type: 'string' },
					parties: {
						type: 'array',
						items: {
							type: 'object',
							required: ['id', 'name', 'iso3', 'kind', 'items'],
							properties: { id: { type: 'integer' }, name: { type: 'string' }, iso3: { type: ['string', 'null'] }, kind: { type: 'string' }, items: { type: 'integer' } }
						}
					}
				}, ['role', 'query', 'parties']),
				'400': badRequestResponse
			}
		}
	}
} as const;
