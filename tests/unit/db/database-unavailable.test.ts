import { describe, expect, it } from 'vitest';
import { redactedUrl } from '../../../db/wait-for-database.ts';
import { finishUnavailable, isDatabaseUnavailable, retryAfterSeconds } from '../../../src/lib/server/http/database-unavailable.ts';

describe('isDatabaseUnavailable', () => {
	it.each([
		[{ code: 'CONNECTION_CLOSED' }, true],
		[{ code: 'CONNECTION_ENDED' }, true],
		[{ code: 'CONNECT_TIMEOUT' }, true],
		[{ code: 'ECONNREFUSED' }, true],
		[{ code: '57P01' }, true], // terminating connection due to administrator command
		[{ code: '57P03' }, true], // the database system is starting up
		[{ code: '08006' }, true], // connection failure
		[{ code: '53300' }, true], // too many connections
		[{ code: '22P02' }, false], // a bad value: the request's fault, not an outage
		[{ code: '42P01' }, false], // a missing table: a bug, a 500
		[{ code: '57014' }, false], // statement timeout: the query was too slow, not the database down
		[new Error('no code'), false],
		['CONNECTION_CLOSED', false],
		[null, false]
	])('%j → %s', (failure, expected) => {
		expect(isDatabaseUnavailable(failure)).toBe(expected);
	});
});

describe('finishUnavailable', () => {
	it('gives an API 503 the { error } shape, Retry-After and no-store', async () => {
		const kit = new Response(JSON.stringify({ message: 'down' }), { status: 503, headers: { 'content-type': 'application/json' } });
		const answer = await finishUnavailable(kit, false);
		expect(answer.status).toBe(503);
		expect(answer.headers.get('retry-after')).toBe(String(retryAfterSeconds));
		expect(answer.headers.get('cache-control')).toBe('no-store');
		expect(await answer.json()).toEqual({ error: 'down' });
	});

	it('keeps the error page of a page request and adds Retry-After', async () => {
		const page = new Response('<h1>Error 503</h1>', { status: 503, headers: { 'content-type': 'text/html' } });
		const answer = await finishUnavailable(page, false);
		expect(answer.headers.get('retry-after')).toBe(String(retryAfterSeconds));
		expect(await answer.text()).toBe('<h1>Error 503</h1>');
	});

	it('leaves every other status alone', async () => {
		const ok = new Response('{}', { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=60' } });
		const answer = await finishUnavailable(ok, false);
		expect(answer).toBe(ok);
		expect(answer.headers.get('retry-after')).toBeNull();
	});
});

describe('redactedUrl', () => {
	it('hides the password of a database URL in log lines', () => {
		expect(redactedUrl('postgres://postgres:s3cret@127.0.0.1:5433/postgres')).toBe('postgres://postgres:***@127.0.0.1:5433/postgres');
		expect(redactedUrl('postgres://postgres@db.example:5432/atlas')).toBe('postgres://postgres@db.example:5432/atlas');
	});
});
