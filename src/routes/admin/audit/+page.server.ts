import { error } from '@sveltejs/kit';
import { AUDIT_ACTIONS, AUDIT_PAGE_SIZE, auditQuerySchema, readAuditLog } from '$lib/server/admin/audit-log.ts';
import { requireRole } from '$lib/server/auth/require-role.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const admin = requireRole(locals, url, 'admin');
	const parsed = auditQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		error(400, `${String(issue.path[0])}: ${issue.message}`);
	}
	const { entries, more } = await readAuditLog(admin, parsed.data);
	return { query: parsed.data, entries, more, page: parsed.data.page ?? 1, pageSize: AUDIT_PAGE_SIZE, actions: AUDIT_ACTIONS };
};
