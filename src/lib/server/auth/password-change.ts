import { database } from '../db.ts';
import { orUnavailable } from '../http/database-unavailable.ts';
import { sqlTemplate } from '../sql-template.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { tokenHash, type SessionAccount } from './sessions.ts';
import { setAuditActor } from './audit-actor.ts';
import passwordChangeSql from './password-change.sql?raw';
import storedHashSql from './stored-hash.sql?raw';

const passwordChangeQuery = sqlTemplate<{ id: number }>(passwordChangeSql);
const storedHashQuery = sqlTemplate<{ password_hash: string | null }>(storedHashSql);

/**
 * Sets an account's own new password after checking its current one; false when the current
 * one is wrong. Other sessions of the account end; the one making the change stays.
 */
export async function changePassword(account: SessionAccount, sessionToken: string, current: string, next: string): Promise<boolean> {
	const sql = database();
	const [stored] = await orUnavailable(() => storedHashQuery(sql, { user_id: account.id }));
	if (!(await verifyPassword(current, stored?.password_hash ?? null))) return false;
	const hash = await hashPassword(next);
	await orUnavailable(() =>
		sql.begin(async (tx) => {
			await setAuditActor(tx, account.email, 'password changed');
			await passwordChangeQuery(tx, { user_id: account.id, password_hash: hash, keep_token_hash: tokenHash(sessionToken) });
		})
	);
	return true;
}
