import { fail, redirect } from '@sveltejs/kit';
import { safeNextPath } from '$lib/server/auth/safe-next.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/session-cookie.ts';
import { formFields, refusedField, signInFormSchema } from '$lib/server/auth/sign-in-form.ts';
import { signIn } from '$lib/server/auth/sign-in.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, setHeaders }) => {
	const next = safeNextPath(url.searchParams.get('next'));
	if (locals.account !== null) redirect(303, next);
	setHeaders({ 'cache-control': 'no-store' });
	return { next };
};

export const actions: Actions = {
	// A wrong email, a wrong password and a disabled account get the same answer, so the
	// form never tells whether an email has an account. Throttled: 429 with Retry-After and
	// the form's error saying when to try again.
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
		const fields = formFields(await request.formData());
		const next = safeNextPath(fields.next);
		const email = (fields.email ?? '').slice(0, 254);
		const parsed = signInFormSchema.safeParse(fields);
		if (!parsed.success) return fail(400, { email, next, error: 'missing' as const, field: refusedField(parsed.error) });
		const result = await signIn({ ...parsed.data, address: getClientAddress() });
		if (result.outcome === 'throttled') {
			setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, { email, next, error: 'throttled' as const, minutes: Math.ceil(result.retryAfterSeconds / 60) });
		}
		if (result.outcome === 'refused') return fail(400, { email, next, error: 'refused' as const });
		cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(url, result.expires));
		redirect(303, result.account.mustChangePassword ? `/account/password?next=${encodeURIComponent(next)}` : next);
	}
};
