import type { Viewer } from '../viewer.ts';

/**
 * A signed-in member of staff or a partner authority (issue 20). Anonymous readers have no
 * account: `locals.account` is null and they read as the public.
 */
export type AccountRole = 'editor' | 'admin' | 'partner';

export interface Account {
	id: number;
	email: string;
	role: AccountRole;
	/** The ISO 3166 alpha-3 country of a partner authority; null for staff. */
	country: string | null;
}

/** Which rows an account reads: staff see every row, a partner its country's partition. */
export function viewerOf(account: Account | null): Viewer {
	if (account === null) return { role: 'public' };
	if (account.role === 'partner') {
		if (account.country === null) throw new Error('a partner account needs a country');
		return { role: 'partner', country: account.country };
	}
	return { role: 'staff' };
}
