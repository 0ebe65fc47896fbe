// Sessions and sign-in as the app runs them (src/lib/server/auth), on each database back end:
// what is stored, what is audited, when a session stops opening, and the sign-in throttle.
import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { LOGIN_THROTTLE } from '../../../src/lib/server/auth/login-throttle.ts';
import { accountOfSession, endSession } from '../../../src/lib/server/auth/sessions.ts';
import { signIn } from '../../../src/lib/server/auth/sign-in.ts';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';
import { addTestAccount, testAddress, type TestAccount } from './accounts.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describeEachBackend('sessions and sign-in', (db, backend) => {
	useAppDatabase(backend.url);
	let editor: TestAccount;

	beforeAll(async () => {
		editor = await addTestAccount(db(), 'editor');
	});

	const signedIn = async (account: TestAccount, address = testAddress()) => {
		const result = await signIn({ email: account.email, password: account.password, address });
		if (result.outcome !== 'signed-in') throw new Error(`expected to sign in, got ${result.outcome}`);
		return result;
	};

	it('opens a session whose token opens the account, storing only the token’s SHA-256', async () => {
		const { token, expires, account } = await signedIn(editor);
		expect(account).toMatchObject({ id: editor.id, email: editor.email, role: 'editor', country: null });
		expect(expires.getTime()).toBeGreaterThan(Date.now() + 11 * 3600_000);
		expect(await accountOfSession(token)).toMatchObject({ id: editor.id, role: 'editor' });
		const stored = await db()`SELECT token_hash FROM atlas.sessions WHERE user_id = ${editor.id}`;
		expect(stored.map((row) => row.token_hash)).toContain(sha256(token));
		expect(stored.map((row) => row.token_hash)).not.toContain(token);
	});

	it('refuses an expired session', async () => {
		const { token } = await signedIn(editor);
		await db()`UPDATE atlas.sessions SET expires_at = now() - interval '1 second' WHERE token_hash = ${sha256(token)}`;
		expect(await accountOfSession(token)).toBeNull();
	});

	it('refuses a token it never issued, and anything that is not a token, without a session', async () => {
		expect(await accountOfSession('A'.repeat(43))).toBeNull();
		expect(await accountOfSession("' OR 1=1 --")).toBeNull();
	});

	it('deletes the session at sign-out and audits it as LOGOUT under the account', async () => {
		const { token } = await signedIn(editor);
		await endSession(token);
		expect(await accountOfSession(token)).toBeNull();
		const [left] = await db()`SELECT count(*)::int AS n FROM atlas.sessions WHERE token_hash = ${sha256(token)}`;
		expect(left.n).toBe(0);
		const [audit] = await db()`SELECT actor, table_name, row_ids FROM atlas.audit_log WHERE action = 'LOGOUT' ORDER BY id DESC LIMIT 1`;
		expect(audit).toEqual({ actor: editor.email, table_name: 'sessions', row_ids: [String(editor.id)] });
	});

	it('audits a sign-in as LOGIN and a failed one as LOGIN_FAILED, with the address', async () => {
		const address = testAddress();
		await signedIn(editor, address);
		expect(await signIn({ email: editor.email, password: 'not the password', address })).toEqual({ outcome: 'refused' });
		const rows = await db()`SELECT actor, action, note FROM atlas.audit_log WHERE note = ${`from ${address}`} ORDER BY id`;
		expect(rows).toEqual([
			{ actor: editor.email, action: 'LOGIN', note: `from ${address}` },
			{ actor: editor.email, action: 'LOGIN_FAILED', note: `from ${address}` }
		]);
	});

	it('gives a wrong password, an unknown email and a disabled account the one same answer', async () => {
		const disabled = await addTestAccount(db(), 'editor');
		await db()`UPDATE atlas.users SET disabled = true WHERE id = ${disabled.id}`;
		const address = testAddress();
		const answers = [
			await signIn({ email: editor.email, password: 'wrong password', address }),
			await signIn({ email: 'nobody-here@atlas.test', password: editor.password, address }),
			await signIn({ email: disabled.email, password: disabled.password, address })
		];
		expect(answers).toEqual([{ outcome: 'refused' }, { outcome: 'refused' }, { outcome: 'refused' }]);
	});

	it('signs in with the email in any case and with spaces around it', async () => {
		const result = await signIn({ email: `  ${editor.email.toUpperCase()} `, password: editor.password, address: testAddress() });
		expect(result.outcome).toBe('signed-in');
	});

	it(`throttles an account after ${LOGIN_THROTTLE.accountLimit} failures from any addresses, even with the right password, and not its neighbours`, async () => {
		const target = await addTestAccount(db(), 'editor');
		const neighbour = await addTestAccount(db(), 'editor');
		const addresses = Array.from({ length: LOGIN_THROTTLE.accountLimit }, testAddress);
		for (const address of addresses) expect(await signIn({ email: target.email, password: 'guess', address })).toEqual({ outcome: 'refused' });
		const refused = await signIn({ email: target.email, password: target.password, address: testAddress() });
		expect(refused.outcome).toBe('throttled');
		const retryAfter = refused.outcome === 'throttled' ? refused.retryAfterSeconds : 0;
		expect(retryAfter).toBeGreaterThan(14 * 60);
		expect(retryAfter).toBeLessThanOrEqual(15 * 60);
		expect((await signIn({ email: neighbour.email, password: neighbour.password, address: addresses[0] })).outcome).toBe('signed-in');
		// The window over (moved back in time as the database keeps it), the account may try again.
		await db()`UPDATE atlas.login_attempts SET at = at - interval '16 minutes' WHERE email = ${target.email}`;
		expect((await signIn({ email: target.email, password: target.password, address: testAddress() })).outcome).toBe('signed-in');
	});

	it(`throttles an address after ${LOGIN_THROTTLE.addressLimit} failures across accounts, and not the same account elsewhere`, async () => {
		const address = testAddress();
		for (let i = 0; i < LOGIN_THROTTLE.addressLimit; i++) {
			expect(await signIn({ email: `spray-${i}-${address}@atlas.test`, password: 'guess', address })).toEqual({ outcome: 'refused' });
		}
		expect((await signIn({ email: editor.email, password: editor.password, address })).outcome).toBe('throttled');
		expect((await signIn({ email: editor.email, password: editor.password, address: testAddress() })).outcome).toBe('signed-in');
	}, 60_000);

	it('counts a success as resetting its account’s failures', async () => {
		const account = await addTestAccount(db(), 'editor');
		for (let i = 0; i < LOGIN_THROTTLE.accountLimit - 1; i++) await signIn({ email: account.email, password: 'guess', address: testAddress() });
		await signedIn(account);
		for (let i = 0; i < LOGIN_THROTTLE.accountLimit - 1; i++) await signIn({ email: account.email, password: 'guess', address: testAddress() });
		expect((await signIn({ email: account.email, password: account.password, address: testAddress() })).outcome).toBe('signed-in');
	});

	it('refuses the session of an account disabled after it signed in', async () => {
		const account = await addTestAccount(db(), 'partner', { country: 'BGR' });
		const { token } = await signedIn(account);
		expect(await accountOfSession(token)).toMatchObject({ role: 'partner', country: 'BGR' });
		await db()`UPDATE atlas.users SET disabled = true WHERE id = ${account.id}`;
		expect(await accountOfSession(token)).toBeNull();
	});
});
