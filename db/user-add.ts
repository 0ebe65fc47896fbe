import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AccountRole } from '../src/lib/server/auth/account.ts';
import { hashPassword, PASSWORD_LENGTH } from '../src/lib/server/auth/password.ts';
import { sqlTemplate } from '../src/lib/server/sql-template.ts';
import type { Sql } from './connect.ts';

const auditActor = sqlTemplate(readFileSync(new URL('../src/lib/server/auth/audit-actor.sql', import.meta.url), 'utf8'));
const insertUser = sqlTemplate<{ id: number }>(readFileSync(new URL('./user-add.sql', import.meta.url), 'utf8'));

/** A new account as npm run user:add takes it; each field named as its command-line option. */
export const newAccountSchema = z
	.object({
		email: z.string().trim().max(254).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'is not an email address'),
		role: z.enum(['editor', 'admin', 'partner'] satisfies AccountRole[], { error: 'must be editor, admin or partner' }),
		country: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'must be an ISO 3166 alpha-3 code such as UKR').nullable(),
		name: z.string().trim().min(1).max(200).nullable(),
		password: z.string().min(PASSWORD_LENGTH.min, `must be at least ${PASSWORD_LENGTH.min} characters`).max(PASSWORD_LENGTH.max)
	})
	.superRefine((account, context) => {
		if ((account.role === 'partner') !== (account.country !== null)) {
			context.addIssue({ code: 'custom', path: ['country'], message: account.role === 'partner' ? 'is required for a partner' : 'is only for a partner' });
		}
	});

export type NewAccount = z.input<typeof newAccountSchema> & { mustChangePassword: boolean };

/** Why an account could not be added, naming the option to fix. */
export class AccountRefused extends Error {
	constructor(readonly option: string, reason: string) {
		super(`--${option}: ${reason}`);
	}
}

/**
 * Adds an account in one audited transaction (`actor` is who the audit log names) and
 * returns its id. Bad input, an unknown country or an email already taken is an
 * AccountRefused naming the option.
 */
export async function addAccount(sql: Sql, input: NewAccount, actor: string): Promise<number> {
	const parsed = newAccountSchema.safeParse(input);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new AccountRefused(String(issue.path[0] ?? 'email'), issue.message);
	}
	const account = parsed.data;
	const passwordHash = await hashPassword(account.password);
	try {
		return await sql.begin(async (tx) => {
			await auditActor(tx, { actor, note: `add ${account.role}` });
			const [row] = await insertUser(tx, {
				email: account.email,
				display_name: account.name ?? account.email.split('@')[0],
				role: account.role,
				country: account.country,
				password_hash: passwordHash,
				must_change_password: input.mustChangePassword
			});
			return row.id;
		});
	} catch (failure) {
		const code = (failure as { code?: string }).code;
		if (code === '23505') throw new AccountRefused('email', 'an account with this email exists');
		if (code === '23503') throw new AccountRefused('country', 'is not a country the atlas knows');
		throw failure;
	}
}
