import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth/require-role.ts';
import { lockReply, readReplyVersions, supersedeReply } from '$lib/server/review/reply-versions.ts';
import { withViewer } from '$lib/server/viewer.ts';
import type { Actions, PageServerLoad } from './$types';

// Review and publish are an editor's work; an admin keeps users and the audit log (issue 20's roles).
const staff = ['editor'] as const;
const idField = z.coerce.number().int().positive().max(2_147_483_647);
const bodyField = z.string().trim().min(1).max(20_000);

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, ...staff);
	return { replies: await withViewer({ role: 'staff' }, (tx) => readReplyVersions(tx)) };
};

export const actions: Actions = {
	lock: async ({ locals, url, request }) => {
		const account = requireRole(locals, url, ...staff);
		const id = idField.safeParse((await request.formData()).get('id'));
		if (!id.success) return fail(400, { field: 'id' });
		if (!(await lockReply(account, id.data))) return fail(409, { field: 'id' });
		return { done: 'lock', id: id.data };
	},
	supersede: async ({ locals, url, request }) => {
		const account = requireRole(locals, url, ...staff);
		const form = await request.formData();
		const id = idField.safeParse(form.get('id'));
		if (!id.success) return fail(400, { field: 'id' });
		const body = bodyField.safeParse(form.get('body'));
		if (!body.success) return fail(400, { field: 'body' });
		const added = await supersedeReply(account, id.data, body.data);
		if (added === null) return fail(409, { field: 'id' });
		return { done: 'supersede', id: added.id, version: added.version };
	}
};
