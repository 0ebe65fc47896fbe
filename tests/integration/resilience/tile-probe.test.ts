import { expect, it } from 'vitest';
import { connect } from '../../../db/connect.ts';
import { supportsNativeMvt } from '../../../src/lib/server/tiles/tile-encoder.ts';
import { describeEachBackend } from '../backends.ts';

describeEachBackend('the tile encoder probe', (_db, backend) => {
	it('asks again after a failed probe instead of failing every later tile', async () => {
		const client = connect(backend.url, { max: 1, application: 'diversion-atlas-test' });
		// A client whose connection is gone: the probe through it fails as it would while
		// the database is down.
		const gone = connect(backend.url, { max: 1, application: 'diversion-atlas-test' });
		await gone.end();
		try {
			await expect(supportsNativeMvt(client, gone)).rejects.toMatchObject({ code: 'CONNECTION_ENDED' });
			// Native PostGIS has ST_AsMVT (built with protobuf); the embedded one has not.
			expect(await supportsNativeMvt(client, client)).toBe(backend.name === 'native');
			// And a known answer is kept: a failing query is not even asked.
			expect(await supportsNativeMvt(client, gone)).toBe(backend.name === 'native');
		} finally {
			await client.end();
		}
	});
});
