import { requireRole } from '$lib/server/auth/require-role.ts';
import { readPartnerDashboard } from '$lib/server/partner/partner-dashboard.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const account = requireRole(locals, url, 'partner');
	// SLOT (issue 19, `destinations`): the lead wires the high-risk destinations here, read
	// as this partner, e.g. `destinations: await readHighRiskDestinations(locals.viewer, …)`;
	// the page shows its section when the field is present.
	return { dashboard: await readPartnerDashboard(account), destinations: null };
};
