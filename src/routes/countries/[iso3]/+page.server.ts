import { error, redirect } from '@sveltejs/kit';
import { parseIso3, readCountryProfile } from '$lib/server/records/country-profile.ts';
import { sharedRead } from '$lib/server/http/shared-read.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const iso3 = parseIso3(params.iso3);
	if (iso3 === null) error(404, 'No such country');
	// One address per country: /countries/irq becomes /countries/IRQ.
	if (iso3 !== params.iso3) redirect(308, `/countries/${iso3}${url.search}`);
	const profile = await sharedRead(locals.viewer, 'country-profile', [iso3], (tx) => readCountryProfile(tx, iso3), { aggregate: true });
	if (!profile) error(404, 'No such country');
	return { profile };
};
