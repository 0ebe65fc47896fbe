import postgres from 'postgres';

export type Sql = postgres.Sql;

export interface ConnectOptions {
	max?: number;
	application?: string;
	/** Seconds to wait for a connection before the query fails; postgres.js's default is 30. */
	connectTimeout?: number;
	/** postgres.js's per-statement hook (the bench's statement trace, src/lib/server/sql-trace.ts). */
	debug?: (connection: number, query: string, parameters: unknown[], types: unknown[]) => void;
	/**
	 * A connection that sits idle by design (LISTEN): never closed for idleness or age, and
	 * told about each notification and each close.
	 */
	listener?: { onnotify: (channel: string, payload: string) => void; onclose: () => void };
}

/** One postgres.js client for either back end; notices stay out of the reader's console. */
export function connect(url: string, options: ConnectOptions = {}): Sql {
	const listener = options.listener;
	return postgres(url, {
		max: options.max ?? 8,
		idle_timeout: listener ? 0 : 30,
		...(listener && { max_lifetime: null, fetch_types: false, onnotify: listener.onnotify, onclose: listener.onclose }),
		connect_timeout: options.connectTimeout ?? 30,
		// Seconds before a dropped connection is tried again after `retries` failures in a
		// row. postgres.js's default grows to 20 s (3^retries / 100): after an outage of a few
		// seconds with readers asking all along, a pool could go on answering 503 for up to
		// 20 s more. Capped at 2 s, with the same jitter.
		backoff: (retries: number) => (0.5 + Math.random() / 2) * Math.min(0.1 * 2 ** retries, 2),
		onnotice: () => {},
		...(options.debug ? { debug: options.debug } : {}),
		connection: { application_name: options.application ?? 'diversion-atlas' }
	});
}
