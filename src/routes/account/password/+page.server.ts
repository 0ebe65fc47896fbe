import { fail, redirect } from '@sveltejs/kit';
import { changePassword } from '$lib/server/auth/password-change.ts';
import { requireRole } from '$lib/server/auth/require-role.ts';
import { safeNextPath } from '$lib/server/auth/safe-next.ts';
import { SESSION_COOKIE } from '$lib/server/auth/session-cookie.ts';
import type { SessionAccount } from '$lib/server/auth/sessions.ts';
import { formFields, passwordFormSchema, refusedField } from '$lib/server/auth/sign-in-form.ts';
import type { Actions, PageServerLoad } from './$types';

const ANY_ROLE = ['editor', 'admin', 'partner'] as const;

export const load: PageServerLoad = ({ locals, url, setHeaders }) => {
	const account = requireRole(locals, url, ...ANY_ROLE) as SessionAccount;
	setHeaders({ 'cache-control': 'no-store' });
	return { mustChange: account.mustChangePassword, next: safeNextPath(url.searchParams.get('next')) };
};

export const actions: Actions = {
	default: async ({ locals, url, request, cookies }) => {
		const account = requireRole(locals, url, ...ANY_ROLE) as SessionAccount;
		const fields = formFields(await request.formData());
		const next = safeNextPath(fields.next);
		const parsed = passwordFormSchema.safeParse(fields);
		if (!parsed.success) return fail(400, { next, error: refusedField(parsed.error) });
		const changed = await changePassword(account, cookies.get(SESSION_COOKIE) ?? '', parsed.data.current, parsed.data.password);
		if (!changed) return fail(400, { next, error: 'current' });
		redirect(303, next);
	}
};
