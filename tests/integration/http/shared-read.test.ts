// Page reads many readers share are answered from memory while the data version they were
// read at is current, run once for readers asking at the same moment, and read again as soon
// as a committed change moves the version.
import { expect, it } from 'vitest';
import { dataVersion } from '../../../src/lib/server/db.ts';
import { sharedRead } from '../../../src/lib/server/http/shared-read.ts';
import { anonymousViewer } from '../../../src/lib/server/viewer.ts';
import type { ViewerTransaction } from '../../../src/lib/server/viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';

describeEachBackend('shared page reads', (db, backend) => {
	useAppDatabase(backend.url);

	/** A read that counts how often it runs and returns what the database says now. */
	function countedRead() {
		const counter = { runs: 0 };
		const read = async (tx: ViewerTransaction) => {
			counter.runs += 1;
			const [row] = await tx<{ sites: number }[]>`SELECT count(*)::int AS sites FROM atlas.sites`;
			return row!;
		};
		return { counter, read };
	}

	it('runs a read once per data version, and again after a committed change', async () => {
		const name = `test-${backend.name}-${Date.now()}`;
		const { counter, read } = countedRead();
		await dataVersion().refresh();
		const first = await sharedRead(anonymousViewer, name, ['a'], read);
		const second = await sharedRead(anonymousViewer, name, ['a'], read);
		expect(counter.runs).toBe(1);
		expect(second).toBe(first);
		// Other arguments are another read.
		await sharedRead(anonymousViewer, name, ['b'], read);
		expect(counter.runs).toBe(2);

		await db()`UPDATE atlas.data_version SET version = version + 1`;
		await dataVersion().refresh();
		await sharedRead(anonymousViewer, name, ['a'], read);
		expect(counter.runs).toBe(3);
	});

	it('runs one read for readers asking for the same missing answer at once', async () => {
		const name = `test-concurrent-${backend.name}-${Date.now()}`;
		const { counter, read } = countedRead();
		await dataVersion().refresh();
		const answers = await Promise.all(Array.from({ length: 12 }, () => sharedRead(anonymousViewer, name, [], read)));
		expect(counter.runs).toBe(1);
		expect(new Set(answers).size).toBe(1);
	});
});
