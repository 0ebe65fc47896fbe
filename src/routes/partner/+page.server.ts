import { requireRole } from '$lib/server/auth/require-role.ts';
import { readPartnerDashboard } from '$lib/server/partner/partner-dashboard.ts';
import { highRiskDestinationsFor } from '$lib/server/records/high-risk-destinations.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const account = requireRole(locals, url, 'partner');
	// The recipients of its country's exports whose deliveries were later documented in
	// conflict, read as this partner (its restricted rows count), as its country page ranks them.
	const [dashboard, destinations] = await Promise.all([readPartnerDashboard(account), highRiskDestinationsFor(locals.viewer, account.country)]);
	return { dashboard, destinations };
};
