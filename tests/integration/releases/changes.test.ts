// The release log (/changes, /changes.atom) and the release every page names (the root
// layout: footer, citations, and a link's `release=N`), on the seeded demo's releases.
import { parseFeed } from '@rowanmanning/feed-parser';
import { expect, it } from 'vitest';
import { dataVersion } from '../../../src/lib/server/db.ts';
import { anonymousViewer } from '../../../src/lib/server/viewer.ts';
import { load as layoutLoad } from '../../../src/routes/+layout.server.ts';
import { load as changesPage } from '../../../src/routes/changes/+page.server.ts';
import { GET as changesAtom } from '../../../src/routes/changes.atom/+server.ts';
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';

async function load<T>(run: (event: never) => unknown, path: string): Promise<T> {
	await dataVersion().refresh();
	const url = new URL(path, 'http://atlas.test');
	return (await run({ url, request: new Request(url), locals: { viewer: anonymousViewer, locale: 'en' } } as never)) as T;
}

describeEachBackend('the release log', (db, backend) => {
	useAppDatabase(backend.url);

	const latest = async () => {
		const [row] = await db()`SELECT number, to_char(released_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS released_on FROM atlas.data_releases ORDER BY number DESC LIMIT 1`;
		return { number: row.number as number, releasedOn: row.released_on as string };
	};

	it('gives every page the latest release for its footer and citations', async () => {
		const data = await load<{ release: unknown; pin: unknown }>(layoutLoad, '/about');
		expect(data.release).toEqual(await latest());
		expect(data.pin).toBeNull();
	});

	it('says nothing about a pin of the current release, and names an older or unknown one', async () => {
		const current = await latest();
		expect((await load<{ pin: unknown }>(layoutLoad, `/?release=${current.number}`)).pin).toBeNull();
		expect((await load<{ pin: unknown }>(layoutLoad, `/?release=${current.number + 7}`)).pin).toEqual({ cited: current.number + 7, citedOn: null, current: current.number, kept: false });
		expect((await load<{ pin: unknown }>(layoutLoad, '/?release=first')).pin).toBeNull();
	});

	it('lists the releases newest first with the counts of their changes, computed from the rows', async () => {
		const { releases } = await load<{ releases: { number: number; changes: unknown[] }[] }>(changesPage, '/changes');
		const numbers = (await db()`SELECT number FROM atlas.data_releases ORDER BY number DESC`).map((r) => r.number);
		expect(releases.map((r) => r.number)).toEqual(numbers);
		const first = releases.at(-1)!;
		const counted = await db()`SELECT record_kind AS kind, added, changed, withdrawn FROM atlas.release_changes WHERE release = 1
			ORDER BY array_position(atlas.release_record_kinds(), record_kind)`;
		expect(first.changes).toEqual(counted.map((row) => ({ ...row })));
	});

	it('answers the log as Atom a feed reader parses, one entry per release with its counts', async () => {
		const response = await call(changesAtom, '/changes.atom');
		expect(response.status).toBe(200);
		const feed = parseFeed(await response.text());
		expect(feed.meta.type).toBe('atom');
		const current = await latest();
		expect(feed.items[0].title).toBe(`Data release ${current.number} (${current.releasedOn})`);
		expect(feed.items.at(-1)!.url).toBe('http://atlas.test/changes#release-1');
		const [items] = await db()`SELECT added FROM atlas.release_changes WHERE release = 1 AND record_kind = 'items'`;
		expect(feed.items.at(-1)!.description).toContain(`Items: ${items.added.toLocaleString('en')} added, 0 changed, 0 withdrawn.`);
	});
});
