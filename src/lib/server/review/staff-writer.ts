import type postgres from 'postgres';
import type { Account } from '../auth/account.ts';
import { withAccountWrite } from '../auth/account-write.ts';
import { sqlTemplate } from '../sql-template.ts';
import auditNoteSql from './audit-note.sql?raw';

const auditNote = sqlTemplate(auditNoteSql);

export type StaffTransaction = postgres.TransactionSql;

/**
 * Runs `write` in one transaction as the account's writer role (withAccountWrite: an admin's
 * role holds the editor's grants, migration 027), audited under its email with `note`:
 * every review step goes through here, so each is one transaction whose audit rows name who
 * did it and why.
 */
export function asStaffWriter<T>(account: Account, note: string, write: (tx: StaffTransaction) => Promise<T>): Promise<T> {
	if (account.role !== 'editor' && account.role !== 'admin') throw new Error('only staff write');
	return withAccountWrite(account, write, { note });
}

/** Names the statements that follow in the audit log (a step with several parts). */
export async function noteNext(tx: StaffTransaction, note: string): Promise<void> {
	await auditNote(tx, { note });
}
