import { describe, expect, it } from 'vitest';
import { load } from '../../../src/routes/dev/map-layer/+page.server.ts';

// The page served with the flag is driven by tests/e2e/map-layer-lifecycle.spec.ts (the test
// runner starts the portal with ATLAS_DEV_PAGES=1); here the unit run has no flag set.
describe('the MapLayer test page', () => {
	it('is a 404 for readers: the portal runs without ATLAS_DEV_PAGES=1', () => {
		expect(process.env.ATLAS_DEV_PAGES).toBeUndefined();
		expect(() => load({} as never)).toThrow(expect.objectContaining({ status: 404 }));
	});
});
