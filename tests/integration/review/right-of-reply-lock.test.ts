// Right of reply (db/migrations/006, 027): a locked version cannot change in the database by
// any path or role (its text, its date, its lock; DELETE; TRUNCATE), only be superseded by a
// new version, which must be the next of its thread. The editor's lock and supersede steps
// (src/lib/server/review/reply-versions.ts) are audited. Database-only checks roll back.
import type { TransactionSql } from 'postgres';
import { afterAll, expect, it } from 'vitest';
import { lockReply, supersedeReply } from '../../../src/lib/server/review/reply-versions.ts';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';
import { rolledBack } from '../rolled-back.ts';
import { editor } from './fixtures.ts';

const roles = ['owner', 'atlas_editor', 'atlas_reader'] as const;

async function become(tx: TransactionSql, role: (typeof roles)[number]) {
	if (role !== 'owner') await tx`SELECT set_config('role', ${role}, true), set_config('atlas.viewer_role', 'staff', true)`;
}

/** Runs `change` in a savepoint and answers the database's refusal (or 'allowed'). */
async function refusal(tx: TransactionSql, change: (tx: TransactionSql) => Promise<unknown>): Promise<string> {
	try {
		await tx.savepoint(change);
		return 'allowed';
	} catch (failure) {
		return (failure as { message: string }).message;
	}
}

describeEachBackend('right of reply: locked texts', (db, backend) => {
	useAppDatabase(backend.url);
	let thread: { party_id: number; case_id: number } | undefined;

	const lockedLatest = async (tx: TransactionSql) => {
		const [reply] = await tx`SELECT r.id, r.party_id, r.response_id, r.case_id, r.version FROM atlas.right_of_reply r
			WHERE r.locked_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM atlas.right_of_reply l WHERE l.party_id = r.party_id
			  AND l.version > r.version AND l.response_id IS NOT DISTINCT FROM r.response_id AND l.case_id IS NOT DISTINCT FROM r.case_id)
			ORDER BY r.id LIMIT 1`;
		expect(reply).toBeDefined();
		return reply;
	};

	for (const role of roles) {
		it(`refuses ${role} any update, unlock, delete or truncate of a locked version`, async () => {
			await rolledBack(db(), async (tx) => {
				const reply = await lockedLatest(tx);
				await become(tx, role);
				const attempts = {
					text: await refusal(tx, (t) => t`UPDATE atlas.right_of_reply SET body = body || ' (edited)' WHERE id = ${reply.id}`),
					date: await refusal(tx, (t) => t`UPDATE atlas.right_of_reply SET locked_on = locked_on - 1 WHERE id = ${reply.id}`),
					unlock: await refusal(tx, (t) => t`UPDATE atlas.right_of_reply SET locked_on = NULL WHERE id = ${reply.id}`),
					delete: await refusal(tx, (t) => t`DELETE FROM atlas.right_of_reply WHERE id = ${reply.id}`),
					truncate: await refusal(tx, (t) => t`TRUNCATE atlas.right_of_reply CASCADE`)
				};
				for (const [attempt, answer] of Object.entries(attempts)) {
					expect({ attempt, answer }).toEqual({ attempt, answer: expect.stringMatching(/locked|permission denied/) });
				}
				const [still] = await tx`SELECT count(*)::int AS n FROM atlas.right_of_reply WHERE id = ${reply.id}`;
				expect(still.n).toBe(1);
			});
		});
	}

	it('accepts only the next version of a thread, and no lock dated in the future', async () => {
		await rolledBack(db(), async (tx) => {
			const reply = await lockedLatest(tx);
			const add = (version: number, lockedOn: string | null = null) => refusal(tx, (t) => t`INSERT INTO atlas.right_of_reply
				(party_id, response_id, case_id, version, body, locked_on) VALUES (${reply.party_id}, ${reply.response_id}, ${reply.case_id}, ${version}, 'new wording', ${lockedOn})`);
			expect(await add(reply.version + 2)).toMatch(/next of its thread/);
			expect(await add(reply.version)).toMatch(/duplicate key|next of its thread/);
			expect(await add(reply.version + 1, '2999-01-01')).toMatch(/in the future/);
			expect(await add(reply.version + 1)).toBe('allowed');
		});
	});

	it('locks an agreed version with its date and supersedes it with a new version, each audited, the old text unchanged', async () => {
		// A new thread of its own, removed afterwards (afterAll) so no other suite counts it.
		[thread] = await db()`SELECT p.id AS party_id, d.id AS case_id FROM atlas.parties p, atlas.diversion_cases d
			WHERE d.visibility = 'draft' AND NOT EXISTS (SELECT 1 FROM atlas.right_of_reply r WHERE r.party_id = p.id AND r.case_id = d.id)
			ORDER BY d.id DESC, p.id LIMIT 1`;
		const [first] = await db()`INSERT INTO atlas.right_of_reply (party_id, case_id, version, body)
			VALUES (${thread!.party_id}, ${thread!.case_id}, 1, 'The agreed wording.') RETURNING id`;
		const [audit] = await db()`SELECT coalesce(max(id), 0)::text AS id FROM atlas.audit_log`;

		expect(await lockReply(editor, first.id)).toBe(true);
		expect(await lockReply(editor, first.id)).toBe(false);
		const superseding = await supersedeReply(editor, first.id, 'The new wording.');
		expect(superseding).toEqual({ id: expect.any(Number), version: 2 });
		expect(await supersedeReply(editor, first.id, 'Another.')).toBeNull(); // no longer the latest

		const versions = await db()`SELECT version, body, locked_on IS NOT NULL AS locked, locked_on = current_date AS today
			FROM atlas.right_of_reply WHERE party_id = ${thread!.party_id} AND case_id = ${thread!.case_id} ORDER BY version`;
		expect(versions.map((row) => ({ ...row }))).toEqual([
			{ version: 1, body: 'The agreed wording.', locked: true, today: true },
			{ version: 2, body: 'The new wording.', locked: false, today: null }
		]);
		const notes = await db()`SELECT actor, action, note FROM atlas.audit_log WHERE id > ${audit.id}::bigint AND table_name = 'right_of_reply' ORDER BY id`;
		expect(notes.map((row) => ({ ...row }))).toEqual([
			{ actor: editor.email, action: 'UPDATE', note: `right of reply: lock version ${first.id}` },
			{ actor: editor.email, action: 'INSERT', note: `right of reply: supersede version ${first.id}` }
		]);
	});

	afterAll(async () => {
		// The locked row this suite added can be removed only with triggers off (a superuser's
		// session_replication_role, for this transaction only): other suites count the seed's replies.
		await db().begin(async (tx) => {
			await tx`SET LOCAL session_replication_role = replica`;
			if (thread) await tx`DELETE FROM atlas.right_of_reply WHERE party_id = ${thread.party_id} AND case_id = ${thread.case_id}`;
		});
	});
});
