import { database } from '../db.ts';
import { orUnavailable } from '../http/database-unavailable.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { AccountRole } from './account.ts';
import { loginRetryAfter } from './login-throttle.ts';
import { UNMATCHABLE_HASH, verifyPassword } from './password.ts';
import { SESSION_LIFETIME } from './session-cookie.ts';
import { newSessionToken, tokenHash, type SessionAccount } from './sessions.ts';
import sessionCreateSql from './session-create.sql?raw';
import signInAccountSql from './sign-in-account.sql?raw';
import signInFailedSql from './sign-in-failed.sql?raw';

const signInAccountQuery = sqlTemplate<{ id: number; email: string; role: AccountRole; country: string | null; password_hash: string | null; must_change_password: boolean }>(signInAccountSql);
const sessionCreateQuery = sqlTemplate<{ expires_at: Date }>(sessionCreateSql);
const signInFailedQuery = sqlTemplate(signInFailedSql);

export interface SignInAttempt {
	email: string;
	password: string;
	/** The client's address (event.getClientAddress(): ADDRESS_HEADER behind a proxy). */
	address: string;
}

export type SignInResult =
	| { outcome: 'signed-in'; account: SessionAccount; token: string; expires: Date }
	/** Wrong email or password, or a disabled account: one answer for all, so none is revealed. */
	| { outcome: 'refused' }
	| { outcome: 'throttled'; retryAfterSeconds: number };

/** How emails are compared: trimmed, lower-case, and never longer than an address can be. */
export function emailKey(email: string): string {
	return email.trim().toLowerCase().slice(0, 254);
}

/**
 * Checks a password and opens a session. Every attempt is recorded (audit LOGIN or
 * LOGIN_FAILED, and the attempts the throttle counts); a throttled attempt checks nothing.
 * An unknown email costs one scrypt like a known one, so timing does not tell them apart.
 */
export async function signIn({ email, password, address }: SignInAttempt): Promise<SignInResult> {
	const key = emailKey(email);
	const sql = database();
	const retryAfterSeconds = await orUnavailable(() => loginRetryAfter(sql, key, address));
	if (retryAfterSeconds !== null) return { outcome: 'throttled', retryAfterSeconds };
	const [found] = await orUnavailable(() => signInAccountQuery(sql, { email: key }));
	const matches = await verifyPassword(password, found?.password_hash ?? UNMATCHABLE_HASH);
	if (!found || !matches) {
		await orUnavailable(() => signInFailedQuery(sql, { email: key, address }));
		return { outcome: 'refused' };
	}
	const token = newSessionToken();
	const [session] = await orUnavailable(() =>
		sessionCreateQuery(sql, { token_hash: tokenHash(token), user_id: found.id, email: found.email, address, lifetime: SESSION_LIFETIME.sql })
	);
	return {
		outcome: 'signed-in',
		account: { id: found.id, email: found.email, role: found.role, country: found.country, mustChangePassword: found.must_change_password },
		token,
		expires: session.expires_at
	};
}
