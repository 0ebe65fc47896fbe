// The portal's HTTP server: adapter-node's handler (build/handler.js, "custom server" in the
// adapter-node docs) behind a fast path that answers cached tiles and their 304s from
// memory, before any framework work (src/lib/server/tiles/tile-fast-path.ts). Everything
// else, and every tile the fast path cannot answer, goes to SvelteKit. Shutdown is
// adapter-node's own (its build/index.js, which this replaces): on SIGTERM/SIGINT stop
// accepting, let in-flight requests finish (SHUTDOWN_TIMEOUT seconds at most), then emit
// `sveltekit:shutdown` so the app closes its pool (hooks.server.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registeredFastPath } from '../src/lib/server/http/fast-path-registry.ts';
import { serverTiming } from '../src/lib/server/http/security-headers.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

// A dropped database connection must never take the portal down: readers get 503s and the
// pool reconnects. postgres.js has thrown from socket callbacks before (patched in db/patches);
// an error of that kind that still escapes (a network or server-ended connection, by its code)
// is logged and survived. Anything else is a real bug and ends the process as usual.
const CONNECTION_FAULTS = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P02', '57P03', '08006', '08003']);
function survivesConnectionFaults(): void {
	const isConnectionFault = (error: unknown) => CONNECTION_FAULTS.has(String((error as { code?: unknown } | null)?.code));
	process.on('uncaughtException', (error) => {
		if (!isConnectionFault(error)) {
			console.error(error);
			process.exit(1);
		}
		console.error(`[db] a database connection failed outside a request (${(error as { code?: string }).code}); serving on`);
	});
	process.on('unhandledRejection', (reason) => {
		if (!isConnectionFault(reason)) {
			console.error(reason);
			process.exit(1);
		}
		console.error(`[db] a database connection failed outside a request (${(reason as { code?: string }).code}); serving on`);
	});
}

// adapter-node takes a request's origin from ORIGIN, or from PROTOCOL_HEADER and HOST_HEADER,
// and otherwise assumes https. This server speaks plain HTTP, so unless the operator has said
// otherwise (a TLS proxy in front sets ORIGIN or PROTOCOL_HEADER) the protocol is stated as it
// is, in a header of our own that a client cannot set (it is overwritten on every request):
// absolute links in answers (OGC API, TileJSON) then reach this server.
const SERVED_PROTOCOL_HEADER = 'x-atlas-served-protocol';

function statesServedProtocol(): boolean {
	if (process.env.ORIGIN || process.env.PROTOCOL_HEADER) return false;
	process.env.PROTOCOL_HEADER = SERVED_PROTOCOL_HEADER;
	return true;
}

// adapter-node refuses request bodies over BODY_SIZE_LIMIT (512 KB by default) with a bare
// 413 before any route runs. Staff upload import files of up to 25 MB; a larger one (a 50 MB
// export) must still reach /admin/import, which answers with its size and the limit in the
// reader's language. So unless the operator sets it, the limit is 64 MB.
const DEFAULT_BODY_SIZE_LIMIT = '64M';

/** Serves until signalled; resolves with the port it listens on (PORT=0 lets the system pick one). */
export async function servePortal({ host, port, shutdownTimeoutSeconds }: { host: string; port: number; shutdownTimeoutSeconds: number }): Promise<number> {
	survivesConnectionFaults();
	// Before the handler is imported: adapter-node reads its environment when it loads.
	const stateProtocol = statesServedProtocol();
	process.env.BODY_SIZE_LIMIT ??= DEFAULT_BODY_SIZE_LIMIT;
	// Importing the handler starts the app (server.init): hooks.server.ts registers the fast path.
	const { handler } = (await import(pathToFileURL(resolve('build/handler.js')).href)) as { handler: Handler };
	const fastPath = registeredFastPath();
	if (!fastPath) throw new Error('build/ has no fast path registered: rebuild the portal (npx vite build)');
	const notFound = (res: ServerResponse) => () => {
		res.statusCode = 404;
		res.end();
	};

	let shutdownTimer: NodeJS.Timeout | undefined;
	const server = createServer((req, res) => {
		const started = performance.now();
		if (stateProtocol) req.headers[SERVED_PROTOCOL_HEADER] = 'http';
		const answer = fastPath(req.method, req.url, req.headers);
		if (answer === null) return handler(req, res, notFound(res));
		const headers = { ...answer.headers, 'server-timing': serverTiming(started) };
		if (answer.body) headers['content-length'] = String(answer.body.byteLength);
		res.writeHead(answer.status, headers);
		res.end(answer.body ?? undefined);
	});
	server.on('request', (req: IncomingMessage) => {
		req.on('close', () => {
			// Once shutting down, a connection that has finished its request is closed at once.
			if (shutdownTimer) server.closeIdleConnections();
		});
	});

	const shutdown = (reason: string) => {
		if (shutdownTimer) return;
		shutdownTimer = setTimeout(() => server.closeAllConnections(), shutdownTimeoutSeconds * 1000);
		// Keep-alive connections would hold close() until they time out: close the idle ones first.
		server.closeIdleConnections();
		server.close(() => {
			clearTimeout(shutdownTimer);
			process.emit('sveltekit:shutdown' as never, reason as never);
		});
	};
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));

	await new Promise<void>((listening, failed) => {
		server.once('error', failed);
		server.listen(port, host, () => listening());
	});
	const address = server.address();
	return typeof address === 'object' && address ? address.port : port;
}
