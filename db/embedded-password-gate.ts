// The embedded database's front door. PGlite answers every startup with AuthenticationOk,
// and pglite-socket's handler has no authentication of its own (checked in 0.2.11 and
// 0.2.17), so on a loopback port any local user would be superuser. This gate runs the
// startup phase itself: it asks for the password with MD5 (what postgres.js and psql
// speak; the secret is random per start, so MD5's weakness against guessing does not
// apply), and only a client that knows the secret is handed on, its startup message
// replayed, to the PGlite handler.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Socket } from 'node:net';

const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PASSWORD_MESSAGE = 0x70; // 'p'
// A client that has not authenticated within this time is dropped.
const startupDeadlineMs = 10_000;

const md5 = (data: Buffer | string) => createHash('md5').update(data).digest('hex');

/** The answer a client that knows `password` sends to the MD5 challenge with `salt`. */
export function md5Answer(user: string, password: string, salt: Buffer): string {
	return `md5${md5(Buffer.concat([Buffer.from(md5(password + user)), salt]))}`;
}

/** The parameters (user, database, …) of a StartupMessage. */
export function startupParameters(message: Buffer): Map<string, string> {
	const parts = message.subarray(8).toString('utf8').split('\0');
	const parameters = new Map<string, string>();
	for (let i = 0; i + 1 < parts.length && parts[i]; i += 2) parameters.set(parts[i]!, parts[i + 1]!);
	return parameters;
}

function backendMessage(type: string, body: Buffer): Buffer {
	const out = Buffer.alloc(5 + body.length);
	out.write(type, 0);
	out.writeInt32BE(4 + body.length, 1);
	body.copy(out, 5);
	return out;
}

/** A FATAL ErrorResponse, as PostgreSQL sends before it closes a connection. */
export function fatalError(code: string, message: string): Buffer {
	const field = (tag: string, value: string) => Buffer.from(`${tag}${value}\0`);
	return backendMessage('E', Buffer.concat([field('S', 'FATAL'), field('V', 'FATAL'), field('C', code), field('M', message), Buffer.from([0])]));
}

/**
 * Authenticates `socket` against `password`; resolves with true once the client is
 * authenticated (its startup message and anything after it put back on the socket, which
 * is paused for the caller to attach its handler and resume), false when it was refused and
 * closed.
 */
export function passwordGate(socket: Socket, password: string): Promise<boolean> {
	return new Promise((settle) => {
		let buffered = Buffer.alloc(0);
		let startup: Buffer | null = null;
		let user = '';
		const salt = randomBytes(4);
		const deadline = setTimeout(() => refuse('08P01', 'authentication timed out'), startupDeadlineMs);
		deadline.unref();

		const finish = (accepted: boolean) => {
			clearTimeout(deadline);
			socket.off('data', onData);
			socket.off('close', onClose);
			settle(accepted);
		};
		function refuse(code: string, message: string) {
			if (socket.writable) socket.end(fatalError(code, message));
			socket.destroy();
			finish(false);
		}
		function onClose() {
			finish(false);
		}
		function onData(chunk: Buffer) {
			buffered = Buffer.concat([buffered, chunk]);
			while (!startup && buffered.length >= 8) {
				const length = buffered.readInt32BE(0);
				if (length < 8 || length > 10_000) return refuse('08P01', 'invalid startup packet');
				if (buffered.length < length) return;
				const code = buffered.readInt32BE(4);
				const message = buffered.subarray(0, length);
				buffered = buffered.subarray(length);
				// No TLS on a loopback-only socket: the client goes on in plain text.
				if (code === SSL_REQUEST || code === GSSENC_REQUEST) socket.write('N');
				else if (code === CANCEL_REQUEST) return refuse('0A000', 'cancel requests are not supported');
				else if (code !== PROTOCOL_3) return refuse('0A000', 'unsupported frontend protocol');
				else {
					startup = Buffer.from(message);
					user = startupParameters(startup).get('user') ?? '';
					const challenge = Buffer.alloc(8);
					challenge.writeInt32BE(5, 0); // AuthenticationMD5Password
					salt.copy(challenge, 4);
					socket.write(backendMessage('R', challenge));
				}
			}
			if (!startup || buffered.length < 5) return;
			if (buffered[0] !== PASSWORD_MESSAGE) return refuse('08P01', 'expected a password message');
			const length = buffered.readInt32BE(1);
			if (length > 1_000) return refuse('08P01', 'invalid password packet');
			if (buffered.length < 1 + length) return;
			const answer = buffered.subarray(5, 1 + length).toString('utf8').replace(/\0$/, '');
			const rest = buffered.subarray(1 + length);
			const expected = Buffer.from(md5Answer(user, password, salt));
			const given = Buffer.from(answer);
			if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
				return refuse('28P01', `password authentication failed for user "${user}"`);
			}
			// Hand over: the PGlite handler sees the startup message as if it came first and
			// answers AuthenticationOk itself.
			socket.pause();
			socket.unshift(Buffer.concat([startup, rest]));
			finish(true);
		}
		socket.on('data', onData);
		socket.on('close', onClose);
	});
}
