import { error, redirect } from '@sveltejs/kit';
import { parseFilter } from '$lib/filter/filter-schema.ts';
import { parseIso3, readCountryProfile } from '$lib/server/records/country-profile.ts';
import { readProducerProfile } from '$lib/server/records/producer-profile.ts';
import { highRiskDestinationsFor } from '$lib/server/records/high-risk-destinations.ts';
import { sharedRead } from '$lib/server/http/shared-read.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const iso3 = parseIso3(params.iso3);
	if (iso3 === null) error(404, 'No such country');
	// The producer section's period: the Filter's from/to (YYYY or YYYY-MM-DD), nothing else.
	const periodParams = new URLSearchParams();
	for (const key of ['from', 'to'] as const) for (const value of url.searchParams.getAll(key)) periodParams.append(key, value);
	const parsed = parseFilter(periodParams);
	if (!parsed.ok) error(400, parsed.error);
	const period = { from: parsed.filter.from, to: parsed.filter.to };
	// One address per country: /countries/irq becomes /countries/IRQ (a bad period is refused first).
	if (iso3 !== params.iso3) redirect(308, `/countries/${iso3}${url.search}`);
	const [profile, producer, destinations] = await Promise.all([
		sharedRead(locals.viewer, 'country-profile', [iso3], (tx) => readCountryProfile(tx, iso3), { aggregate: true }),
		sharedRead(locals.viewer, 'producer-profile', [iso3, period.from ?? '', period.to ?? ''], (tx) => readProducerProfile(tx, iso3, period), { aggregate: true }),
		highRiskDestinationsFor(locals.viewer, iso3, period)
	]);
	if (!profile) error(404, 'No such country');
	return { profile, producer, destinations };
};
