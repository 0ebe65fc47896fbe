import { error, redirect } from '@sveltejs/kit';
import type { Account, AccountRole } from './account.ts';

/**
 * The guard every staff or partner page and action calls first: a reader who is not
 * signed in is sent to the sign-in page (and back afterwards); a signed-in account without
 * one of `roles` gets a 403. Returns the account so the caller needs no second check.
 */
export function requireRole(
	locals: App.Locals,
	url: URL,
	...roles: AccountRole[]
): Account {
	const account = locals.account;
	if (account == null) {
		redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	}
	if (!roles.includes(account.role)) error(403, 'forbidden');
	return account;
}
