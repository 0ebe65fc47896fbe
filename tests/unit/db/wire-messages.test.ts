import { describe, expect, it } from 'vitest';
import { answersReady, endsExchange, simpleQuery, syncMessage, typed, withoutReadyForQuery } from '../../../db/wire-messages.ts';

const backend = (type: string, body: number[] = []) => typed(type.charCodeAt(0), new Uint8Array(body));
const concat = (...parts: Uint8Array[]) => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
	return out;
};
const typesOf = (bytes: Uint8Array) => {
	const types: string[] = [];
	for (let at = 0; at + 5 <= bytes.length; at += 1 + new DataView(bytes.buffer, bytes.byteOffset).getInt32(at + 1)) types.push(String.fromCharCode(bytes[at]!));
	return types;
};

describe('wire messages', () => {
	// ErrorResponse, ReadyForQuery, then a DataRow: what PGlite answers to a failing Bind.
	const answer = concat(backend('E', [83, 69, 0, 0]), backend('Z', [73]), backend('D', [0, 1, 0, 0, 0, 1, 55]));

	it('drops ReadyForQuery from an answer and keeps every other message whole', () => {
		const seen: Uint8Array[] = [];
		withoutReadyForQuery((data) => seen.push(data))(answer);
		expect(typesOf(concat(...seen))).toEqual(['E', 'D']);
		expect(concat(...seen)).toEqual(concat(answer.subarray(0, 9), answer.subarray(15)));
	});

	it('cuts messages out across chunks of any size, even inside a header', () => {
		for (const size of [1, 2, 3, 4, 5, 7, 11]) {
			const seen: Uint8Array[] = [];
			const filter = withoutReadyForQuery((data) => seen.push(data));
			for (let at = 0; at < answer.length; at += size) filter(answer.subarray(at, at + size));
			expect(typesOf(concat(...seen)), `chunks of ${size}`).toEqual(['E', 'D']);
		}
	});

	it('knows which messages end an exchange and which PostgreSQL answers with ReadyForQuery', () => {
		expect(endsExchange(syncMessage())).toBe(true);
		expect(endsExchange(simpleQuery('SELECT 1'))).toBe(true);
		expect(endsExchange(backend('B'))).toBe(false);
		expect(answersReady(syncMessage())).toBe(true);
		expect(answersReady(backend('E'))).toBe(false);
		expect(answersReady(backend('X'))).toBe(false);
	});
});
