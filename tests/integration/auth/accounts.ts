// Test accounts with known passwords, added the way `npm run user:add` adds them (db/user-add.ts),
// so the tests sign in through the same hashing and the same audited insert.
import { randomBytes } from 'node:crypto';
import type { Sql } from '../../../db/connect.ts';
import { addAccount } from '../../../db/user-add.ts';
import type { Account, AccountRole } from '../../../src/lib/server/auth/account.ts';

export interface TestAccount extends Account {
	password: string;
}

/** A new account of `role` (a partner of `country`) with a unique email and a known password. */
export async function addTestAccount(sql: Sql, role: AccountRole, { country = null as string | null, mustChangePassword = false } = {}): Promise<TestAccount> {
	const email = `${role}-${randomBytes(5).toString('hex')}@atlas.test`;
	const password = `pw-${randomBytes(9).toString('base64url')}`;
	const id = await addAccount(sql, { email, role, country, name: null, password, mustChangePassword }, 'integration-test');
	return { id, email, role, country, password };
}

/** A made-up client address no other test uses (the throttle counts per address). */
export function testAddress(): string {
	const bytes = randomBytes(3);
	return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}
