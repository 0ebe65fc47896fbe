// Writes as an account (withAccountWrite): the least-privileged role of each account role,
// every statement audited under the account's email, and what each role may not do.
import { beforeAll, expect, it } from 'vitest';
import { viewerOf } from '../../../src/lib/server/auth/account.ts';
import { withAccountWrite } from '../../../src/lib/server/auth/account-write.ts';
import { readAuditLog } from '../../../src/lib/server/admin/audit-log.ts';
import { listUsers, setUserDisabled } from '../../../src/lib/server/admin/users.ts';
import { signIn } from '../../../src/lib/server/auth/sign-in.ts';
import { withViewer } from '../../../src/lib/server/viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';
import { addTestAccount, testAddress, type TestAccount } from './accounts.ts';

class RolledBack extends Error {}

describeEachBackend('writes as an account', (db, backend) => {
	useAppDatabase(backend.url);
	let editor: TestAccount;
	let admin: TestAccount;
	let partner: TestAccount;

	beforeAll(async () => {
		[editor, admin, partner] = [await addTestAccount(db(), 'editor'), await addTestAccount(db(), 'admin'), await addTestAccount(db(), 'partner', { country: 'BGR' })];
	});

	/** Runs `write` as `account` and rolls it back, returning what it saw. */
	const rolledBackAs = async <T>(account: TestAccount, write: Parameters<typeof withAccountWrite<T>>[1], note?: string): Promise<T> => {
		let seen: T | undefined;
		await expect(
			withAccountWrite(account, async (tx) => {
				seen = await write(tx);
				throw new RolledBack();
			}, { note })
		).rejects.toBeInstanceOf(RolledBack);
		return seen as T;
	};

	it('audits an editor’s write under the editor’s email, with its note, as atlas_editor', async () => {
		const seen = await rolledBackAs(editor, async (tx) => {
			const [who] = await tx`SELECT current_user AS role`;
			const [item] = await tx`SELECT id FROM atlas.items WHERE visibility = 'draft' ORDER BY id LIMIT 1`;
			await tx`UPDATE atlas.items SET visibility = 'public' WHERE id = ${item.id}`;
			// The editor may not read the audit log: read it as the owner (rolled back with the rest).
			await tx`RESET ROLE`;
			const audit = await tx`SELECT actor, action, table_name, row_ids, note FROM atlas.audit_log WHERE table_name = 'items' ORDER BY id DESC LIMIT 1`;
			return { role: who.role, item: String(item.id), audit };
		}, 'review 1');
		expect(seen.role).toBe('atlas_editor');
		expect(seen.audit).toEqual([{ actor: editor.email, action: 'UPDATE', table_name: 'items', row_ids: [seen.item], note: 'review 1' }]);
	});

	it('lets an editor publish a release but not read accounts or the audit log', async () => {
		const release = await rolledBackAs(editor, async (tx) => (await tx`SELECT atlas.publish_release('as an editor') AS n`)[0].n);
		expect(release).toBeGreaterThan(0);
		await expect(withAccountWrite(editor, (tx) => tx`SELECT count(*) FROM atlas.users`)).rejects.toThrow(/permission denied/);
		await expect(withAccountWrite(editor, (tx) => tx`SELECT count(*) FROM atlas.audit_log`)).rejects.toThrow(/permission denied/);
		await expect(withAccountWrite(editor, (tx) => tx`INSERT INTO atlas.audit_log (actor, action, table_name, row_count) VALUES ('forged', 'INSERT', 'items', 1)`)).rejects.toThrow(/permission denied/);
	});

	it('lets an admin read accounts but write no evidence', async () => {
		await expect(withAccountWrite(admin, (tx) => tx`UPDATE atlas.items SET visibility = 'public' WHERE false`)).rejects.toThrow(/permission denied/);
		const users = await listUsers(admin);
		expect(users.map((user) => user.email)).toEqual(expect.arrayContaining([editor.email, admin.email, partner.email]));
	});

	it('refuses a partner any write with a 403', async () => {
		await expect(withAccountWrite(partner, async () => 1)).rejects.toMatchObject({ status: 403 });
	});

	it('audits disabling an account under the admin, ends its sessions, and refuses its sign-in', async () => {
		const target = await addTestAccount(db(), 'editor');
		expect((await signIn({ email: target.email, password: target.password, address: testAddress() })).outcome).toBe('signed-in');
		expect(await setUserDisabled(admin, target.id, true)).toBe(true);
		const [audit] = await db()`SELECT actor, action, row_ids, note FROM atlas.audit_log WHERE table_name = 'users' ORDER BY id DESC LIMIT 1`;
		expect(audit).toEqual({ actor: admin.email, action: 'UPDATE', row_ids: [String(target.id)], note: `disable account ${target.id}` });
		const [sessions] = await db()`SELECT count(*)::int AS n FROM atlas.sessions WHERE user_id = ${target.id}`;
		expect(sessions.n).toBe(0);
		expect(await signIn({ email: target.email, password: target.password, address: testAddress() })).toEqual({ outcome: 'refused' });
		// Not the admin's own account; not twice.
		expect(await setUserDisabled(admin, admin.id, true)).toBe(false);
		expect(await setUserDisabled(admin, target.id, true)).toBe(false);
	});

	it('records who added an account (npm run user:add) in the audit log', async () => {
		const [audit] = await db()`SELECT actor, action, note FROM atlas.audit_log WHERE table_name = 'users' AND ${partner.id} = ANY (row_ids) AND action = 'INSERT'`;
		expect(audit).toEqual({ actor: 'integration-test', action: 'INSERT', note: 'add partner' });
	});

	it('reads the audit log newest first, filtered by actor, action, table and day', async () => {
		const address = testAddress();
		await signIn({ email: editor.email, password: editor.password, address });
		await signIn({ email: editor.email, password: 'wrong', address });
		const today = new Date().toISOString().slice(0, 10);
		const { entries } = await readAuditLog(admin, { actor: editor.email.toUpperCase(), table: 'sessions', from: today, to: today });
		expect(entries.slice(0, 2).map((entry) => entry.action)).toEqual(['LOGIN_FAILED', 'LOGIN']);
		expect(entries.every((entry) => entry.actor === editor.email && entry.table_name === 'sessions')).toBe(true);
		const failed = await readAuditLog(admin, { actor: editor.email, action: 'LOGIN_FAILED' });
		expect(failed.entries.length).toBeGreaterThan(0);
		expect(failed.entries.every((entry) => entry.action === 'LOGIN_FAILED')).toBe(true);
		const yesterday = new Date(Date.now() - 86400_000).toISOString().slice(0, 10);
		expect((await readAuditLog(admin, { actor: editor.email, to: yesterday })).entries).toEqual([]);
		const times = (await readAuditLog(admin, {})).entries.map((entry) => entry.at.getTime());
		expect(times).toEqual([...times].sort((a, b) => b - a));
	});

	it('shows a signed-in partner the restricted rows of its country through withViewer, and the public none of them', async () => {
		const restricted = (viewer: Parameters<typeof withViewer>[0]) =>
			withViewer(viewer, async (tx) => (await tx`SELECT count(*)::int AS n FROM atlas.items WHERE visibility = 'restricted'`)[0].n as number);
		// As the owner sees them: restricted items made in Bulgaria whose whole chain is at least restricted.
		const [own] = await db()`SELECT count(*)::int AS n FROM atlas.items WHERE visibility = 'restricted' AND chain_visibility = 'restricted' AND made_in_iso3 = 'BGR'`;
		const [others] = await db()`SELECT count(*)::int AS n FROM atlas.items WHERE visibility = 'restricted' AND chain_visibility = 'restricted' AND made_in_iso3 <> 'BGR'`;
		expect(own.n).toBeGreaterThan(0);
		expect(others.n).toBeGreaterThan(0);
		expect(await restricted(viewerOf(partner))).toBe(own.n);
		expect(await restricted(viewerOf(null))).toBe(0);
		expect(await restricted(viewerOf({ ...partner, country: 'CHN' }))).not.toBe(own.n);
	});
});
