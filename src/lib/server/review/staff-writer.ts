import type postgres from 'postgres';
import type { Account } from '../auth/account.ts';
import { database } from '../db.ts';
import { orUnavailable } from '../http/database-unavailable.ts';
import { sqlTemplate } from '../sql-template.ts';
import becomeEditorSql from './become-editor.sql?raw';
import auditNoteSql from './audit-note.sql?raw';

const becomeEditor = sqlTemplate(becomeEditorSql);
const auditNote = sqlTemplate(auditNoteSql);

export type StaffTransaction = postgres.TransactionSql;

/**
 * Runs `write` in one transaction as the editors' database role, audited under the
 * account's email with `note`: every review step goes through here, so each is one
 * transaction whose audit rows name who did it and why.
 * (Local until the accounts work brings the shared writer; the two should become one.)
 */
export async function asStaffWriter<T>(account: Account, note: string, write: (tx: StaffTransaction) => Promise<T>): Promise<T> {
	if (account.role !== 'editor' && account.role !== 'admin') throw new Error('only staff write');
	const result = await orUnavailable(() =>
		database().begin(async (tx) => {
			await becomeEditor(tx, { actor: account.email, note });
			return write(tx);
		})
	);
	return result as T;
}

/** Names the statements that follow in the audit log (a step with several parts). */
export async function noteNext(tx: StaffTransaction, note: string): Promise<void> {
	await auditNote(tx, { note });
}
