import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import loginThrottleSql from './login-throttle.sql?raw';

const loginThrottleQuery = sqlTemplate<{ retry_after: number | null }>(loginThrottleSql);

/**
 * How many failed sign-ins are tolerated within the window: per account (guessing one
 * account's password; a success resets it) and per address (trying many accounts from one
 * place). Counted in the database, so two app instances share the count.
 */
export const LOGIN_THROTTLE = { window: '15 minutes', accountLimit: 5, addressLimit: 30 } as const;

/** Seconds until a sign-in for `email` from `address` may be tried, or null: go ahead. */
export async function loginRetryAfter(sql: Queryable, email: string, address: string): Promise<number | null> {
	const [row] = await loginThrottleQuery(sql, {
		email,
		address,
		window: LOGIN_THROTTLE.window,
		account_limit: LOGIN_THROTTLE.accountLimit,
		address_limit: LOGIN_THROTTLE.addressLimit
	});
	return row.retry_after;
}
