// The Filter's query parameters as OpenAPI parameters, shared by every filtered endpoint.
import { ITEM_CATEGORIES, MARKING_STATES, RESPONSE_FILTERS } from '$lib/domain/vocabulary.ts';
import { ISO3_CODES, MAX_ID, MAX_LIST, MAX_TEXT } from '$lib/filter/filter-schema.ts';

const list = (description: string, items: object) => ({
	schema: { type: 'string' },
	description: `${description} Comma-separated list of at most ${MAX_LIST} values.`,
	'x-items': items,
	explode: false,
	style: 'form'
});

export const filterParameters = [
	{ name: 'from', in: 'query', schema: { type: 'string', pattern: '^\\d{4}(-\\d{2}-\\d{2})?$' }, description: 'Documented on or after this day (YYYY means 1 January); a real calendar day, year 0001 or later.' },
	{ name: 'to', in: 'query', schema: { type: 'string', pattern: '^\\d{4}(-\\d{2}-\\d{2})?$' }, description: 'Documented on or before this day (YYYY means 31 December); a real calendar day, year 0001 or later.' },
	{ name: 'country', in: 'query', ...list('Country of recovery, ISO 3166 alpha-3 (any case); an unknown code is a 400.', { enum: ISO3_CODES }) },
	{ name: 'category', in: 'query', ...list('Item category.', { enum: ITEM_CATEGORIES }) },
	{ name: 'type', in: 'query', ...list('Item type, e.g. "assault rifle"; no control characters.', { type: 'string', maxLength: MAX_TEXT }) },
	{ name: 'made_in', in: 'query', ...list('Country of manufacture, ISO 3166 alpha-3 (former states: YUG, SUN, CSK); an unknown code is a 400.', { enum: ISO3_CODES }) },
	{ name: 'manufacturer', in: 'query', ...list('Manufacturer party ids.', { type: 'integer', minimum: 1, maximum: MAX_ID }) },
	{ name: 'group', in: 'query', ...list('Holding force (armed group or state force) party ids.', { type: 'integer', minimum: 1, maximum: MAX_ID }) },
	{ name: 'response', in: 'query', ...list('Class of a trace response about the item; "none" = a request still unanswered.', { enum: RESPONSE_FILTERS }) },
	{ name: 'marking', in: 'query', ...list('State of the item markings.', { enum: MARKING_STATES }) },
	{ name: 'case', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_ID }, description: 'Items of this diversion case.' },
	{ name: 'consignment', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_ID }, description: 'Items of this consignment.' }
] as const;

export const badRequestResponse = {
	description: 'Invalid input: what is wrong and which field.',
	content: { 'application/json': { schema: { $ref: '#/components/schemas/BadRequest' } } }
};
