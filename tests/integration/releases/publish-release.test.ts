// atlas.publish_release (db/migrations/023): each publish makes the next numbered release
// and counts, from the rows, what it added, changed and withdrew since the one before; the
// corrections it publishes follow their record's visibility. Every change here is rolled back.
import type { TransactionSql } from 'postgres';
import { expect, it } from 'vitest';
import { readReleaseLog } from '../../../src/lib/server/releases/release-log.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { rolledBack } from '../rolled-back.ts';

/** Continues `tx` as the web reader with `role` (row security on); nothing written after this. */
async function becomeReader(tx: TransactionSql, role: 'public' | 'staff' = 'public'): Promise<void> {
	await tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', ${role}, true)`;
}

async function publish(tx: TransactionSql, summary = 'test release'): Promise<number> {
	const [row] = await tx`SELECT atlas.publish_release(${summary}) AS number`;
	return row.number;
}

async function itemIds(tx: TransactionSql, visibility: 'public' | 'draft', count: number): Promise<number[]> {
	const rows = await tx`SELECT id FROM atlas.items WHERE visibility = ${visibility} ORDER BY id LIMIT ${count}`;
	return rows.map((row) => row.id);
}

describeEachBackend('data releases', (db) => {
	it('makes release 1 of the demo with every public record counted as added, marked synthetic', async () => {
		const [release] = await db()`SELECT number, synthetic, data_version FROM atlas.data_releases WHERE number = 1`;
		expect(release.synthetic).toBe(true);
		const counted = await db()`SELECT record_kind, added, changed, withdrawn FROM atlas.release_changes WHERE release = 1 AND record_kind IN ('items', 'sites', 'diversion_cases') ORDER BY record_kind`;
		const [rows] = await db()`SELECT
			(SELECT count(*)::int FROM atlas.diversion_cases WHERE visibility = 'public') AS diversion_cases,
			(SELECT count(*)::int FROM atlas.items WHERE visibility = 'public') AS items,
			(SELECT count(*)::int FROM atlas.sites WHERE visibility = 'public') AS sites`;
		expect(counted).toEqual([
			{ record_kind: 'diversion_cases', added: rows.diversion_cases, changed: 0, withdrawn: 0 },
			{ record_kind: 'items', added: rows.items, changed: 0, withdrawn: 0 },
			{ record_kind: 'sites', added: rows.sites, changed: 0, withdrawn: 0 }
		]);
	});

	it('numbers releases one after another and counts what was added, changed and withdrawn since the last', async () => {
		await rolledBack(db(), async (tx) => {
			const [{ latest }] = await tx`SELECT max(number) AS latest FROM atlas.data_releases`;
			const [changedA, changedB, withdrawn] = await itemIds(tx, 'public', 3);
			const [added] = await itemIds(tx, 'draft', 1);
			await tx`UPDATE atlas.items SET calibre = coalesce(calibre, '') || ' (corrected)' WHERE id IN (${changedA}, ${changedB})`;
			await tx`UPDATE atlas.items SET visibility = 'draft' WHERE id = ${withdrawn}`;
			await tx`UPDATE atlas.items SET visibility = 'public' WHERE id = ${added}`;

			const number = await publish(tx);
			expect(number).toBe(latest + 1);
			const changes = await tx`SELECT record_kind, added, changed, withdrawn FROM atlas.release_changes WHERE release = ${number}`;
			expect(changes).toEqual([{ record_kind: 'items', added: 1, changed: 2, withdrawn: 1 }]);
			const published = await tx`SELECT record_kind, record_id FROM atlas.release_records WHERE release = ${number}`;
			expect(published).toEqual([{ record_kind: 'items', record_id: added }]);
			const [release] = await tx`SELECT r.data_version = v.version AS at_current_version FROM atlas.data_releases r, atlas.data_version v WHERE r.number = ${number}`;
			expect(release.at_current_version).toBe(true);

			// Nothing changed since: the next release counts nothing.
			expect(await publish(tx)).toBe(latest + 2);
			expect(await tx`SELECT * FROM atlas.release_changes WHERE release = ${latest + 2}`).toEqual([]);
		});
	});

	it('moves the data version when it publishes, so cached answers naming the release are renewed', async () => {
		await rolledBack(db(), async (tx) => {
			const [before] = await tx`SELECT version FROM atlas.data_version`;
			await publish(tx);
			const [after] = await tx`SELECT version FROM atlas.data_version`;
			expect(BigInt(after.version)).toBeGreaterThan(BigInt(before.version));
		});
	});

	it('hides from the public a correction naming a draft record, and shows one naming a public record', async () => {
		await rolledBack(db(), async (tx) => {
			const [draft] = await itemIds(tx, 'draft', 1);
			const [visible] = await itemIds(tx, 'public', 1);
			const [hidden] = await tx`INSERT INTO atlas.corrections (record_kind, record_id, what, why) VALUES ('items', ${draft}, 'Serial number read again', 'A photo was clearer') RETURNING id`;
			const [shown] = await tx`INSERT INTO atlas.corrections (record_kind, record_id, what, why) VALUES ('items', ${visible}, 'Calibre corrected', 'The source said 7.62 mm') RETURNING id`;
			const [general] = await tx`INSERT INTO atlas.corrections (what, why) VALUES ('Two sites merged', 'They were one town') RETURNING id`;
			const number = await publish(tx);
			const ours = [hidden.id, shown.id, general.id];

			expect((await tx`SELECT id FROM atlas.corrections WHERE release = ${number} ORDER BY id`).map((r) => r.id)).toEqual(ours);
			await becomeReader(tx, 'public');
			const publicIds = (await tx`SELECT id FROM atlas.corrections WHERE id = ANY(${ours}) ORDER BY id`).map((r) => r.id);
			expect(publicIds).toEqual([shown.id, general.id]);
			const [entry] = await readReleaseLog(tx, 1);
			expect(entry.number).toBe(number);
			expect(entry.corrections.map((c) => c.id)).toEqual([shown.id, general.id]);
			expect(JSON.stringify(entry)).not.toContain(`"id":${draft}`);
		});
	});

	it('keeps a correction from the public until a release publishes it', async () => {
		await rolledBack(db(), async (tx) => {
			const [pending] = await tx`INSERT INTO atlas.corrections (what, why) VALUES ('Dates of one event', 'Misread month') RETURNING id`;
			await tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', 'public', true)`;
			expect(await tx`SELECT id FROM atlas.corrections WHERE id = ${pending.id}`).toEqual([]);
			await tx`RESET ROLE`;
			const number = await publish(tx);
			await becomeReader(tx);
			expect(await tx`SELECT id, release FROM atlas.corrections WHERE id = ${pending.id}`).toEqual([{ id: pending.id, release: number }]);
		});
	});

	it('hides the release record of an item unpublished since its release', async () => {
		await rolledBack(db(), async (tx) => {
			const [item] = await itemIds(tx, 'draft', 1);
			await tx`UPDATE atlas.items SET visibility = 'public' WHERE id = ${item}`;
			const number = await publish(tx);
			await tx`UPDATE atlas.items SET visibility = 'draft' WHERE id = ${item}`;
			await becomeReader(tx);
			expect(await tx`SELECT record_id FROM atlas.release_records WHERE release = ${number}`).toEqual([]);
		});
	});

	it('lets only the staff tools publish: the web reader may not', async () => {
		await expect(asPublic(db(), (tx) => tx`SELECT atlas.publish_release('by a reader')`)).rejects.toThrow(/permission denied/);
	});

	it('refuses a release without a summary', async () => {
		await expect(rolledBack(db(), (tx) => tx`SELECT atlas.publish_release('  ')`)).rejects.toThrow(/needs a summary/);
	});
});
