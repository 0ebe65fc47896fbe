import { afterEach, describe, expect, it, vi } from 'vitest';
import { coalesced } from '../../../src/lib/server/http/shared-read.ts';

afterEach(() => vi.useRealTimers());

describe('coalesced reads', () => {
	it('gives readers arriving while a read runs the same promise, and runs one read', async () => {
		let runs = 0;
		let finish!: (value: string) => void;
		const read = () => {
			runs++;
			return new Promise<string>((resolve) => (finish = resolve));
		};
		const first = coalesced('join', read);
		const second = coalesced('join', read);
		expect(second).toBe(first);
		finish('answer');
		expect(await second).toBe('answer');
		expect(runs).toBe(1);
	});

	it('does not join a read still running after five seconds: a later reader starts its own', async () => {
		vi.useFakeTimers({ toFake: ['performance'] });
		let runs = 0;
		const never = () => {
			runs++;
			return new Promise<string>(() => {});
		};
		const stuck = coalesced('stuck', never);
		vi.advanceTimersByTime(4_000);
		expect(coalesced('stuck', never)).toBe(stuck);
		vi.advanceTimersByTime(1_500);
		const fresh = coalesced('stuck', () => Promise.resolve('answer'));
		expect(fresh).not.toBe(stuck);
		expect(await fresh).toBe('answer');
		expect(runs).toBe(1);
	});

	it('forgets a finished read, so the next reader reads again', async () => {
		let runs = 0;
		const read = async () => ++runs;
		expect(await coalesced('again', read)).toBe(1);
		expect(await coalesced('again', read)).toBe(2);
	});
});
