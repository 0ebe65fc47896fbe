// The Filter's query parameters as OpenAPI parameters, shared by every filtered endpoint:
// generated from the one schema, so a key added there is documented everywhere at once.
import { z } from 'zod';
import { FILTER_KEYS, filterSchema } from '$lib/filter/filter-schema.ts';

// The input side: each key is a query string the schema's transforms then read, which is
// what a client sends (the output side, lists and numbers, cannot be a query value).
const properties = z.toJSONSchema(filterSchema, { io: 'input' }).properties as Record<string, Record<string, unknown>>;

function parameter(name: string) {
	// `facet` is the filter panel's, not the API's; `x-items` describes each value of a list.
	const { description, facet: _facet, 'x-items': items, ...schema } = properties[name];
	const list = items ? { 'x-items': items, explode: false, style: 'form' } : {};
	return { name, in: 'query', schema, description: description as string, ...list };
}

export const filterParameters = FILTER_KEYS.map(parameter);

export const badRequestResponse = {
	description: 'Invalid input: what is wrong and which field.',
	content: { 'application/json': { schema: { $ref: '#/components/schemas/BadRequest' } } }
};
