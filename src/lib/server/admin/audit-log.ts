import { z } from 'zod';
import type { Account } from '../auth/account.ts';
import { withAccountWrite } from '../auth/account-write.ts';
import { sqlTemplate } from '../sql-template.ts';
import auditLogSql from './audit-log.sql?raw';

/** What the audit log records (the CHECK on atlas.audit_log.action, migration 025). */
export const AUDIT_ACTIONS = ['INSERT', 'UPDATE', 'DELETE', 'LOGIN', 'LOGIN_FAILED', 'LOGOUT'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_PAGE_SIZE = 50;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD').refine((text) => !Number.isNaN(Date.parse(text)), 'is no such day');
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** /admin/audit's query: each key a filter of the log; a bad one is a 400 naming it. */
export const auditQuerySchema = z.object({
	actor: optional(z.string().trim().max(254)),
	action: optional(z.enum(AUDIT_ACTIONS)),
	table: optional(z.string().regex(/^[a-z_]{1,63}$/, 'must be a table name')),
	from: optional(day),
	to: optional(day),
	page: optional(z.coerce.number().int().min(1).max(100_000))
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export interface AuditEntry {
	id: string;
	at: Date;
	actor: string;
	action: AuditAction;
	table_name: string;
	row_count: number;
	row_ids: string[];
	note: string | null;
}

const auditLogQuery = sqlTemplate<AuditEntry>(auditLogSql);

/** One page of the audit log as `admin` reads it (atlas_admin), newest first. */
export async function readAuditLog(admin: Account, query: AuditQuery): Promise<{ entries: AuditEntry[]; more: boolean }> {
	const page = query.page ?? 1;
	const rows = await withAccountWrite(admin, (tx) =>
		auditLogQuery(tx, {
			actor: query.actor ?? null,
			action: query.action ?? null,
			table: query.table ?? null,
			from: query.from ?? null,
			to: query.to ?? null,
			limit: AUDIT_PAGE_SIZE + 1,
			offset: (page - 1) * AUDIT_PAGE_SIZE
		})
	);
	return { entries: rows.slice(0, AUDIT_PAGE_SIZE), more: rows.length > AUDIT_PAGE_SIZE };
}
