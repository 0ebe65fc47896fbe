import { describe, expect, it } from 'vitest';
import { ITEM_CATEGORIES } from '../../../src/lib/domain/vocabulary.ts';
import { FILTER_KEYS, MAX_ID, filterKeyMeta, filterSchema, type FilterKey } from '../../../src/lib/filter/filter-schema.ts';
import { filterParameters } from '../../../src/lib/server/openapi/filter-parameters.ts';

describe('OpenAPI filter parameters generated from the schema', () => {
	it('lists exactly the schema keys, in canonical order', () => {
		expect(filterParameters.map((p) => p.name)).toEqual(FILTER_KEYS);
		expect(FILTER_KEYS).toEqual(Object.keys(filterSchema.shape));
	});

	it('describes every key as a query parameter in words', () => {
		for (const p of filterParameters) {
			expect(p.in, p.name).toBe('query');
			expect(p.description.length, p.name).toBeGreaterThan(10);
		}
	});

	it('marks the keys the schema reads as comma-separated lists, and only those', () => {
		const lists = FILTER_KEYS.filter((key) => Array.isArray(accepted(key)));
		expect(filterParameters.filter((p) => 'explode' in p).map((p) => p.name)).toEqual(lists);
		for (const p of filterParameters.filter((p) => 'explode' in p)) {
			expect(p, p.name).toMatchObject({ explode: false, style: 'form', schema: { type: 'string' } });
			expect(p.description, p.name).toContain('Comma-separated list');
		}
	});

	it('carries each list value vocabulary and each id bound', () => {
		expect(filterParameters.find((p) => p.name === 'category')).toMatchObject({ 'x-items': { enum: [...ITEM_CATEGORIES] } });
		expect(filterParameters.find((p) => p.name === 'case')!.schema).toEqual({ type: 'integer', minimum: 1, maximum: MAX_ID });
		expect(filterParameters.find((p) => p.name === 'from')!.schema).toEqual({ type: 'string', pattern: '^\\d{4}(-\\d{2}-\\d{2})?$' });
	});

	it('keeps the filter panel meta out of the API description', () => {
		for (const p of filterParameters) expect(JSON.stringify(p), p.name).not.toContain('"facet"');
	});
});

/** What the schema reads from the first text it accepts for the key (a list or a single value). */
function accepted(key: FilterKey): unknown {
	const vocabulary = (filterKeyMeta(key)['x-items'] as { enum?: string[] } | undefined)?.enum ?? [];
	for (const text of ['2015', '1', 'rifle', ...vocabulary]) {
		const parsed = filterSchema.safeParse({ [key]: text });
		if (parsed.success) return (parsed.data as Record<string, unknown>)[key];
	}
	throw new Error(`no sample text is accepted for ${key}`);
}
