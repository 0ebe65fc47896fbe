import { error } from '@sveltejs/kit';
import { database } from '../db.ts';
import { orUnavailable } from '../http/database-unavailable.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { ViewerTransaction } from '../viewer.ts';
import type { Account, AccountRole } from './account.ts';
import accountWriteSql from './account-write.sql?raw';

const becomeAccountQuery = sqlTemplate(accountWriteSql);

/** The least-privileged database role each account role writes as (migration 025). */
const WRITER_ROLES: Record<Exclude<AccountRole, 'partner'>, string> = {
	editor: 'atlas_editor',
	admin: 'atlas_admin'
};

export interface AccountWriteOptions {
	/** Noted on every audit entry the transaction makes (e.g. 'import report 12'). */
	note?: string;
	/** Bounds every statement of the transaction; imports may need longer. */
	statementTimeout?: string;
}

/**
 * Runs `write` in one transaction as `account`: as its writer role (atlas_editor for an
 * editor: publishable tables; atlas_admin for an admin: users and the audit log), with
 * atlas.actor set to its email, so every statement is audited under that name, and row
 * security reading as staff. All of `write` commits or none of it. A partner writes nothing:
 * 403. An unreachable database is the 503 of orUnavailable.
 */
export async function withAccountWrite<T>(
	account: Account,
	write: (tx: ViewerTransaction) => Promise<T>,
	{ note = '', statementTimeout = '60s' }: AccountWriteOptions = {}
): Promise<T> {
	if (account.role === 'partner') error(403, 'forbidden');
	const role = WRITER_ROLES[account.role];
	const result = await orUnavailable(() =>
		database().begin(async (tx) => {
			await becomeAccountQuery(tx, { role, actor: account.email, note, statement_timeout: statementTimeout });
			return write(tx);
		})
	);
	return result as T;
}
