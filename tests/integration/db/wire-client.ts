// A bare PostgreSQL wire-protocol client, for what postgres.js never does on purpose: an
// extended batch without its Sync, then vanishing.
import { createHash } from 'node:crypto';
import { connect as tcp, type Socket } from 'node:net';

const message = (type: string, body: Buffer = Buffer.alloc(0)) => {
	const out = Buffer.alloc(5 + body.length);
	out.write(type, 0);
	out.writeInt32BE(4 + body.length, 1);
	body.copy(out, 5);
	return out;
};
const text = (value: string) => Buffer.from(`${value}\0`);

export const parse = (sql: string) => message('P', Buffer.concat([text(''), text(sql), Buffer.from([0, 0])]));
export const bind = () => message('B', Buffer.concat([text(''), text(''), Buffer.from([0, 0, 0, 0, 0, 0])]));
export const execute = () => message('E', Buffer.concat([text(''), Buffer.from([0, 0, 0, 0])]));
/** Asks for the answers so far without ending the batch (PostgreSQL holds them until Sync). */
export const flush = () => message('H');

/** The types of the backend messages received so far ('Z' ReadyForQuery, 'C' CommandComplete…). */
function messageTypes(buffer: Buffer): string[] {
	const types: string[] = [];
	for (let at = 0; at + 5 <= buffer.length; at += 1 + buffer.readInt32BE(at + 1)) types.push(String.fromCharCode(buffer[at]!));
	return types;
}

export interface WireClient {
	socket: Socket;
	send(...messages: Buffer[]): void;
	/** Waits until the answers so far contain `type`, and forgets them. */
	until(type: string): Promise<void>;
}

export async function wireClient(url: string): Promise<WireClient> {
	const { hostname, port, username, password, pathname } = new URL(url);
	const socket = tcp(Number(port), hostname);
	socket.on('error', () => {});
	let received = Buffer.alloc(0);
	socket.on('data', (data) => (received = Buffer.concat([received, data])));
	const client: WireClient = {
		socket,
		send: (...messages) => void socket.write(Buffer.concat(messages)),
		async until(type) {
			for (let waited = 0; !messageTypes(received).includes(type); waited += 10) {
				if (waited > 10_000) throw new Error(`no '${type}' from the server`);
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			received = Buffer.alloc(0);
		}
	};
	const parameters = Buffer.concat([text('user'), text(decodeURIComponent(username)), text('database'), text(pathname.slice(1)), Buffer.from([0])]);
	const startup = Buffer.alloc(8 + parameters.length);
	startup.writeInt32BE(8 + parameters.length, 0);
	startup.writeInt32BE(196608, 4);
	parameters.copy(startup, 8);
	client.send(startup);
	await answerPassword(client, () => received, decodeURIComponent(username), decodeURIComponent(password));
	await client.until('Z');
	return client;
}

const md5 = (data: Buffer | string) => createHash('md5').update(data).digest('hex');

/** Answers an MD5 password request (the embedded database asks for its per-start secret). */
async function answerPassword(client: WireClient, received: () => Buffer, user: string, password: string): Promise<void> {
	for (let waited = 0; waited <= 10_000; waited += 10) {
		const answer = received();
		if (answer.length >= 9 && answer[0] === 0x52) {
			if (answer.readInt32BE(5) !== 5) return; // AuthenticationOk (trust): nothing to answer
			const salt = answer.subarray(9, 13);
			const hash = `md5${md5(Buffer.concat([Buffer.from(md5(password + user)), salt]))}\0`;
			client.send(message('p', Buffer.from(hash)));
			return;
		}
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	throw new Error('no authentication request from the server');
}
