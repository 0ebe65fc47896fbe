import { error } from '@sveltejs/kit';
import { parseFilter } from '$lib/filter/filter-schema.ts';
import { highRiskDestinationsFor } from '$lib/server/records/high-risk-destinations.ts';
import type { PageServerLoad } from './$types';

// The list is narrowed by the Filter's made_in, from and to only: what the page's form sets.
const SCOPE_KEYS = ['made_in', 'from', 'to'] as const;

export const load: PageServerLoad = async ({ url, locals }) => {
	const scopeParams = new URLSearchParams();
	for (const key of SCOPE_KEYS) for (const value of url.searchParams.getAll(key)) if (value !== '') scopeParams.append(key, value);
	const parsed = parseFilter(scopeParams);
	if (!parsed.ok) error(400, parsed.error);
	const { made_in, from, to } = parsed.filter;
	return { destinations: await highRiskDestinationsFor(locals.viewer, made_in ?? null, { from, to }) };
};
