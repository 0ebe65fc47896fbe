// Sets the audit actor of the current transaction. A local stand-in until the accounts
// slice's writer helper lands (issue 20): the lead merges the two into one.
import type postgres from 'postgres';
import { sqlTemplate } from '../sql-template.ts';
import auditActorSql from './audit-actor.sql?raw';

const auditActor = sqlTemplate(auditActorSql);

/** Every write `tx` makes from now until it commits is audited as `actor`, with `note`. */
export async function setAuditActor(tx: postgres.TransactionSql, actor: string, note: string): Promise<void> {
	await auditActor(tx, { actor, note });
}
