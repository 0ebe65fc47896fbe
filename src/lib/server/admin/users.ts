import type { Account, AccountRole } from '../auth/account.ts';
import { withAccountWrite } from '../auth/account-write.ts';
import { sqlTemplate } from '../sql-template.ts';
import usersSql from './users.sql?raw';
import userDisableSql from './user-disable.sql?raw';

export interface UserRow {
	id: number;
	email: string;
	display_name: string;
	role: AccountRole;
	country: string | null;
	disabled: boolean;
	must_change_password: boolean;
	created_at: Date;
	last_seen_at: Date | null;
}

const usersQuery = sqlTemplate<UserRow>(usersSql);
const userDisableQuery = sqlTemplate<{ id: number }>(userDisableSql);

/** Every account, as `admin` reads them. */
export function listUsers(admin: Account): Promise<UserRow[]> {
	return withAccountWrite(admin, (tx) => usersQuery(tx, {}));
}

/**
 * Disables (and signs out) or re-enables an account, audited under `admin`. False when
 * nothing changed: no such account, already in that state, or the admin's own.
 */
export async function setUserDisabled(admin: Account, userId: number, disabled: boolean): Promise<boolean> {
	const rows = await withAccountWrite(admin, (tx) => userDisableQuery(tx, { user_id: userId, disabled, admin_id: admin.id }), {
		note: `${disabled ? 'disable' : 'enable'} account ${userId}`
	});
	return rows.length === 1;
}
