import { connect, type Sql } from '../../../db/connect.ts';

/** The channel migration 021 notifies on each bump of atlas.data_version; payload the version. */
export const DATA_VERSION_CHANNEL = 'atlas_data_version';

// Without a working LISTEN (the embedded database: PGlite is one session, so a notification
// goes back to the connection that committed, never to another; measured in
// tests/integration/http/data-version.test.ts) the version is polled this often, and a
// change reaches the answers within about this long.
export const FAST_POLL_MS = 300;
// With a working LISTEN a notification arrives within a millisecond of the commit; the
// slow poll only covers a connection that died without saying so (a half-open socket).
export const SAFETY_POLL_MS = 5_000;
// A polled version is trusted until a poll fails (the database is down), or one has waited
// this long for an answer (a hung database; a busy one answers late but answers: the
// embedded database runs one query at a time, so a poll waits behind slow tiles). Unknown
// sends every request to the database, which answers 503 while it is unreachable instead
// of the app serving answers nobody can check.
const POLL_HUNG_MS = 5_000;
// How long a notification of our own may take to come back before LISTEN is judged not to
// reach this connection.
const PROBE_MS = 1_000;
const RELISTEN_MS = 1_000;

/**
 * The data version of one database, held in memory: read once, then learnt by LISTEN on a
 * connection of its own, with a poll where LISTEN cannot be trusted. Cache hits are keyed on
 * it, so they need no database work; it only moves forward, whichever of notification,
 * poll or a request's own read brings news first.
 */
export interface DataVersion {
	/** The version to key answers on, or null while it cannot be vouched for (starting, outage). */
	current(): string | null;
	/** Raises the version to one a transaction read (never lowers it). */
	observe(version: string): void;
	/** Reads the version from the database now (tests, after committing a change). */
	refresh(): Promise<string>;
	/** How the version is learnt right now, for logs and tests. */
	mode(): 'listening' | 'polling';
	stop(): Promise<void>;
}

export function trackDataVersion(pool: Sql, url: string): DataVersion {
	let version: bigint | null = null;
	let readOk = false;
	let pollSince: number | null = null;
	// LISTEN is trusted only after a notification actually arrived on the open connection.
	let listening = false;
	let listenerOpen = false;
	let listenWorks: boolean | undefined;
	let stopped = false;
	let pollTimer: NodeJS.Timeout | undefined;
	let relistenTimer: NodeJS.Timeout | undefined;
	let heard: (() => void) | undefined;

	const observe = (text: string) => {
		const next = BigInt(text);
		if (version === null || next > version) version = next;
	};
	const read = async (on: Sql) => {
		const [{ version: text }] = await on<{ version: string }[]>`SELECT version::text AS version FROM atlas.data_version`;
		observe(text);
		return text;
	};

	const listener = connect(url, {
		max: 1,
		application: 'diversion-atlas-data-version',
		connectTimeout: 5,
		listener: {
			onnotify: (channel, payload) => {
				if (channel !== DATA_VERSION_CHANNEL || !/^\d+$/.test(payload)) return;
				observe(payload);
				if (listenerOpen) listening = true;
				heard?.();
			},
			onclose: () => {
				const wasListening = listening;
				listenerOpen = false;
				listening = false;
				if (stopped) return;
				if (wasListening) {
					// The listener's connection went away, and the database may have too: nothing
					// is vouched for until a read succeeds again, and that read is tried now.
					readOk = false;
					pollNow();
				}
				if (listenWorks !== false) scheduleListen();
			}
		}
	});

	function scheduleListen() {
		clearTimeout(relistenTimer);
		relistenTimer = setTimeout(() => void listen(), RELISTEN_MS);
		relistenTimer.unref();
	}

	async function listen() {
		try {
			await listener.unsafe(`LISTEN ${DATA_VERSION_CHANNEL}`);
			listenerOpen = true;
			// Read after LISTEN: a change committed while we were not listening is not missed.
			const text = await read(listener);
			readOk = true;
			if (listenWorks) {
				listening = true;
				return;
			}
			// Does a notification from another connection reach this one? Ask with the current
			// version as payload: harmless to every listener, versions only move forward.
			const arrived = new Promise<boolean>((done) => {
				heard = () => done(true);
				setTimeout(() => done(false), PROBE_MS).unref();
			});
			await pool`SELECT pg_notify(${DATA_VERSION_CHANNEL}, ${text})`;
			const works = await arrived;
			heard = undefined;
			// A probe cut short by an outage proves nothing: listen again once it is over.
			if (!works && !listenerOpen) throw new Error('the listener closed during the probe');
			listenWorks = works;
			if (!listenWorks) {
				console.log(`[db] data version: notifications do not reach other connections on this database; polling every ${FAST_POLL_MS} ms`);
				await listener.unsafe(`UNLISTEN ${DATA_VERSION_CHANNEL}`).catch(() => {});
				await listener.end({ timeout: 1 });
			}
		} catch {
			heard = undefined;
			// The database is unreachable (or going away): try again; the poll covers meanwhile.
			if (!stopped && listenWorks !== false) scheduleListen();
		}
	}

	function pollNow() {
		if (pollSince !== null) return; // one in flight already; the next follows it at the fast rate
		clearTimeout(pollTimer);
		void poll();
	}

	async function poll() {
		pollSince = performance.now();
		try {
			await read(pool);
			readOk = true;
			if (listenerOpen && listenWorks) listening = true;
		} catch {
			// Unreachable, even if the listener's socket has not noticed yet: the version is
			// unknown until a read succeeds again, and requests get 503s.
			readOk = false;
			listening = false;
		}
		pollSince = null;
		if (stopped) return;
		pollTimer = setTimeout(() => void poll(), listening ? SAFETY_POLL_MS : FAST_POLL_MS);
		pollTimer.unref();
	}

	void poll();
	void listen();

	return {
		current() {
			if (version === null) return null;
			if (listening) return version.toString();
			const hung = pollSince !== null && performance.now() - pollSince > POLL_HUNG_MS;
			return readOk && !hung ? version.toString() : null;
		},
		observe,
		refresh: async () => {
			const text = await read(pool);
			readOk = true;
			return version === null ? text : version.toString();
		},
		mode: () => (listening ? 'listening' : 'polling'),
		async stop() {
			stopped = true;
			listening = false;
			clearTimeout(pollTimer);
			clearTimeout(relistenTimer);
			await listener.end({ timeout: 1 }).catch(() => {});
		}
	};
}
