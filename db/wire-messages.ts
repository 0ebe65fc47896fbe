// Just enough of the PostgreSQL frontend/backend protocol for the session queue: message
// types it looks at, messages it writes itself, and a filter over the backend's answer.
export const SYNC = 0x53; // 'S'
export const SIMPLE_QUERY = 0x51; // 'Q'
export const TERMINATE = 0x58; // 'X'
export const PARSE = 0x50; // 'P'
export const CLOSE = 0x43; // 'C'
export const CLOSE_STATEMENT = 0x53; // Close 'S'tatement (not 'P'ortal)
const EXECUTE = 0x45; // 'E'
const READY_FOR_QUERY = 0x5a; // 'Z'
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function typed(type: number, body: Uint8Array): Uint8Array {
	const message = new Uint8Array(5 + body.length);
	message[0] = type;
	new DataView(message.buffer).setInt32(1, 4 + body.length);
	message.set(body, 5);
	return message;
}

export const syncMessage = (): Uint8Array => typed(SYNC, new Uint8Array(0));
export const simpleQuery = (sql: string): Uint8Array => typed(SIMPLE_QUERY, encoder.encode(`${sql}\0`));
export const closeStatement = (name: string): Uint8Array => typed(CLOSE, encoder.encode(`S${name}\0`));
/** Execute of a portal that cannot exist: an error that aborts the batch it lands in. */
export const failingExecute = (): Uint8Array => typed(EXECUTE, encoder.encode('\u0001session-queue-abort\0\0\0\0\0'));

/** The zero-terminated string at `at` (a statement name in Parse or Close). */
export function cString(message: Uint8Array, at: number): string {
	const end = message.indexOf(0, at);
	return decoder.decode(message.subarray(at, end < 0 ? message.length : end));
}

/**
 * Messages after which the backend answers ReadyForQuery, the end of an exchange. A startup
 * message has no type byte; its length's high byte is 0.
 */
export function endsExchange(message: Uint8Array): boolean {
	const type = message[0];
	return type === SYNC || type === SIMPLE_QUERY || type === TERMINATE || type === 0;
}

/** Messages PostgreSQL itself answers with ReadyForQuery: startup, Query, Sync. */
export function answersReady(message: Uint8Array): boolean {
	const type = message[0];
	return type === SYNC || type === SIMPLE_QUERY || type === 0;
}

/**
 * Passes a backend answer on without its ReadyForQuery messages. PGlite answers an error in
 * the middle of an extended batch with ErrorResponse and ReadyForQuery, then another at Sync;
 * clients count ReadyForQuery to pair answers with queries, so the extra one shifted every
 * later answer on that connection by one. The answer may arrive in pieces: messages are cut
 * out across chunks.
 */
export function withoutReadyForQuery(onData: (data: Uint8Array) => void): (chunk: Uint8Array) => void {
	let header = new Uint8Array(0); // an incomplete message header carried over
	let left = 0; // bytes of the current message still to come
	let dropping = false;
	return (chunk) => {
		const out: Uint8Array[] = [];
		let at = 0;
		while (at < chunk.length) {
			if (left > 0) {
				const n = Math.min(left, chunk.length - at);
				if (!dropping) out.push(chunk.subarray(at, at + n));
				left -= n;
				at += n;
				continue;
			}
			const part = chunk.subarray(at, at + 5 - header.length);
			const merged = new Uint8Array(header.length + part.length);
			merged.set(header);
			merged.set(part, header.length);
			at += part.length;
			if (merged.length < 5) {
				header = merged;
				break;
			}
			header = new Uint8Array(0);
			dropping = merged[0] === READY_FOR_QUERY;
			if (!dropping) out.push(merged);
			left = new DataView(merged.buffer).getInt32(1) - 4;
		}
		// One write per chunk, as without the filter: the socket handler writes each call.
		if (out.length === 1) onData(out[0]!);
		else if (out.length > 1) onData(concat(out));
	};
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}
