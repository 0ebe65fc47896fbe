import { createHash, randomBytes } from 'node:crypto';
import { database } from '../db.ts';
import { orUnavailable } from '../http/database-unavailable.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { Account, AccountRole } from './account.ts';
import { SESSION_TOKEN } from './session-cookie.ts';
import sessionAccountSql from './session-account.sql?raw';
import sessionEndSql from './session-end.sql?raw';

const sessionAccountQuery = sqlTemplate<{ id: number; email: string; role: AccountRole; country: string | null; must_change_password: boolean }>(sessionAccountSql);
const sessionEndQuery = sqlTemplate(sessionEndSql);

/** The signed-in account as a session knows it. */
export interface SessionAccount extends Account {
	/** Signed in with a one-time password: nothing but choosing a new one until then. */
	mustChangePassword: boolean;
}

/** A new session token: 32 random bytes, base64url (what the cookie carries). */
export function newSessionToken(): string {
	return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, so a copy of the table opens no session. */
export function tokenHash(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/**
 * The account of a session cookie's token, or null (unknown, expired, ended, disabled
 * account, or not a token at all, which costs no query). Sessions live in the database, so
 * every app instance reads the same ones. A database fault is the 503 of orUnavailable.
 */
export async function accountOfSession(token: string): Promise<SessionAccount | null> {
	if (!SESSION_TOKEN.test(token)) return null;
	const [row] = await orUnavailable(() => sessionAccountQuery(database(), { token_hash: tokenHash(token) }));
	if (!row) return null;
	return { id: row.id, email: row.email, role: row.role, country: row.country, mustChangePassword: row.must_change_password };
}

/** Ends the session of `token` (sign-out), audited as LOGOUT; nothing if it is already gone. */
export async function endSession(token: string): Promise<void> {
	if (!SESSION_TOKEN.test(token)) return;
	await orUnavailable(() => sessionEndQuery(database(), { token_hash: tokenHash(token) }));
}
