// The inputs that answered 500 on a dozen endpoints before the Filter schema refused them:
// a NUL byte, 2^31, year 0000 and an unknown country code in every parameter and path
// segment of every public endpoint. Each must be a 4xx naming the field (API) or a 4xx page.
import { expect, it } from 'vitest';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';
import { ENDPOINTS, ROUTE_MODULES, answer, leakIn } from './public-endpoints.ts';

const BAD = ['a\u0000b', '2147483648', '0000', 'XXX', '0000-01-01', '2019-02-31'];

it('the endpoint list covers every route of the portal', () => {
	const handlers = new Set(ENDPOINTS.map((endpoint) => endpoint.handler));
	const files = Object.keys(ROUTE_MODULES);
	expect(files.length).toBeGreaterThan(20);
	for (const file of files) {
		const module = ROUTE_MODULES[file] as { GET?: unknown; load?: unknown; POST?: unknown };
		// A POST-only route (sign-out) has nothing a reader's address can send it.
		if (!module.GET && !module.load && module.POST) continue;
		expect(handlers.has((module.GET ?? module.load) as never), file).toBe(true);
	}
});

describeEachBackend('inputs PostgreSQL cannot take', (_db, backend) => {
	useAppDatabase(backend.url);

	for (const endpoint of ENDPOINTS) {
		const fields = [...Object.keys(endpoint.path).map((name) => ({ name, in: 'path' as const })), ...endpoint.query.map((name) => ({ name, in: 'query' as const }))];
		if (fields.length === 0) continue;
		it(`${endpoint.name}: every parameter refuses NUL, 2^31, 0000 and unknown codes without a 500`, async () => {
			const seen: string[] = [];
			for (const field of fields) {
				for (const value of BAD) {
					const path = field.in === 'path' ? { ...endpoint.path, [field.name]: value } : endpoint.path;
					const query = new URLSearchParams(field.in === 'query' ? { [field.name]: value } : {});
					const got = await answer(endpoint, path, query);
					const label = `${field.name}=${JSON.stringify(value)} → ${got.status} ${got.body.slice(0, 160)}`;
					seen.push(label);
					expect(got.status === endpoint.unavailable || got.status < 500, label).toBe(true);
					expect(leakIn(got.body, got.status), label).toBeNull();
					if (endpoint.kind === 'api' && got.status >= 400 && got.status < 500) {
						const body = JSON.parse(got.body);
						expect(Object.keys(body).sort(), label).toEqual(['error', 'field']);
					}
				}
			}
			expect(seen.length).toBe(fields.length * BAD.length);
		});
	}
});
