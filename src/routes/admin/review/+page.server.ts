import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/require-role.ts';
import { readReviewQueue } from '$lib/server/review/review-queue.ts';
import { parseReviewQuery, parseSelection, parseSummary, parseVisibility } from '$lib/server/review/review-query.ts';
import { publishRecords, unpublishRecords, verifyRecords } from '$lib/server/review/review-actions.ts';
import { withViewer } from '$lib/server/viewer.ts';
import type { Actions, PageServerLoad } from './$types';

// Review and publish are an editor's work; an admin keeps users and the audit log (issue 20's roles).
const staff = ['editor'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, ...staff);
	const query = parseReviewQuery(url.searchParams);
	if (!query.ok) error(400, `bad ${query.field}`);
	const queue = await withViewer({ role: 'staff' }, (tx) => readReviewQueue(tx, query.value));
	return { query: query.value, queue };
};

export const actions: Actions = {
	verify: async ({ locals, url, request }) => {
		const account = requireRole(locals, url, ...staff);
		const selection = parseSelection(await request.formData());
		if (!selection.ok) return fail(400, { field: selection.field });
		return { done: 'verify' as const, ...(await verifyRecords(account, selection.value)) };
	},
	publish: async ({ locals, url, request }) => {
		const account = requireRole(locals, url, ...staff);
		const form = await request.formData();
		const selection = parseSelection(form);
		const visibility = parseVisibility(form);
		const summary = parseSummary(form);
		if (!selection.ok) return fail(400, { field: selection.field });
		if (!visibility.ok) return fail(400, { field: visibility.field });
		if (!summary.ok) return fail(400, { field: summary.field });
		return { done: 'publish' as const, ...(await publishRecords(account, selection.value, visibility.value, summary.value)) };
	},
	unpublish: async ({ locals, url, request }) => {
		const account = requireRole(locals, url, ...staff);
		const form = await request.formData();
		const selection = parseSelection(form);
		const summary = parseSummary(form);
		if (!selection.ok) return fail(400, { field: selection.field });
		if (!summary.ok) return fail(400, { field: summary.field });
		return { done: 'unpublish' as const, ...(await unpublishRecords(account, selection.value, summary.value)) };
	}
};
