// A TCP proxy between the portal and its database, so a test can make the database vanish
// (refuse new connections, drop every open one) and come back, on either back end.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
	port: number;
	/** The database URL with its host and port replaced by the proxy's. */
	url: string;
	/** Drops every open connection from the database's side; new ones are still let through. */
	cut(): void;
	/** Stops listening and drops every connection: the database is unreachable. */
	down(): Promise<void>;
	/** Listens again on the same port. */
	up(): Promise<void>;
	close(): Promise<void>;
}

export async function tcpProxy(targetUrl: string, port = 0): Promise<TcpProxy> {
	const target = new URL(targetUrl);
	const targetPort = Number(target.port || 5432);
	const open = new Set<Socket>();
	let server: Server | undefined;
	let boundPort = port;

	const listen = () =>
		new Promise<void>((listening, failed) => {
			server = createServer((client) => {
				const upstream = connect(targetPort, target.hostname);
				for (const socket of [client, upstream]) {
					open.add(socket);
					socket.on('error', () => {});
					socket.on('close', () => {
						open.delete(socket);
						client.destroy();
						upstream.destroy();
					});
				}
				client.pipe(upstream).pipe(client);
			});
			server.once('error', failed).listen(boundPort, '127.0.0.1', () => {
				const address = server!.address();
				if (typeof address === 'object' && address) boundPort = address.port;
				listening();
			});
		});
	const cut = () => {
		for (const socket of open) socket.destroy();
	};
	const down = () =>
		new Promise<void>((closed) => {
			cut();
			if (!server) return closed();
			server.close(() => closed());
			server = undefined;
		});

	await listen();
	const url = new URL(targetUrl);
	url.hostname = '127.0.0.1';
	url.port = String(boundPort);
	return { port: boundPort, url: url.toString(), cut, down, up: listen, close: down };
}
