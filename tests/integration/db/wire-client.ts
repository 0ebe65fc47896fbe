// A bare PostgreSQL wire-protocol client, for what postgres.js never does on purpose: an
// extended batch without its Sync, then vanishing.
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
	const { hostname, port, username, pathname } = new URL(url);
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
	await client.until('Z');
	return client;
}
