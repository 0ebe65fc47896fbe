// Names who writes in a transaction, for the audit log's statement triggers: the one home of
// it for the account writer's callers that open their own transaction (the import pipeline,
// photo uploads, a password change), where withAccountWrite's role change does not fit.
import type postgres from 'postgres';
import { sqlTemplate } from '../sql-template.ts';
import auditActorSql from './audit-actor.sql?raw';

const auditActor = sqlTemplate(auditActorSql);

/** Every write `tx` makes from now until it commits is audited as `actor`, with `note`. */
export async function setAuditActor(tx: postgres.TransactionSql, actor: string, note: string): Promise<void> {
	await auditActor(tx, { actor, note });
}
