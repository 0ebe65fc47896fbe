import type postgres from 'postgres';
import type { Account } from '../auth/account.ts';
import { withAccountWrite } from '../auth/account-write.ts';
import { sqlTemplate } from '../sql-template.ts';
import auditNoteSql from './audit-note.sql?raw';

const auditNote = sqlTemplate(auditNoteSql);

export type StaffTransaction = postgres.TransactionSql;

/**
 * Runs `write` in one transaction as the editor's writer role (withAccountWrite), audited
 * under its email with `note` (an admin keeps users and the audit log and writes no evidence):
 * every review step goes through here, so each is one transaction whose audit rows name who
 * did it and why.
 */
export function asStaffWriter<T>(account: Account, note: string, write: (tx: StaffTransaction) => Promise<T>): Promise<T> {
	if (account.role !== 'editor') throw new Error('only editors review');
	return withAccountWrite(account, write, { note });
}

/** Names the statements that follow in the audit log (a step with several parts). */
export async function noteNext(tx: StaffTransaction, note: string): Promise<void> {
	await auditNote(tx, { note });
}
