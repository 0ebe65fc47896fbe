// PGlite is one backend session shared by every socket connection. pglite-socket's own queue
// hands that session over between connections message by message and keeps it with one
// connection only inside a SQL transaction, so a Parse/Bind/Execute/Sync batch from another
// connection could run between two messages of ours: 'portal "" does not exist', or another
// client's rows (electric-sql/pglite#1046, still open). This queue keeps the session with a
// connection until the backend is ready for a query outside a transaction again.
import type { PGlite } from '@electric-sql/pglite';
import {
	answersReady,
	CLOSE,
	CLOSE_STATEMENT,
	closeStatement,
	cString,
	endsExchange,
	failingExecute,
	PARSE,
	simpleQuery,
	syncMessage,
	withoutReadyForQuery
} from './wire-messages.ts';

interface PendingMessage {
	handlerId: number;
	message: Uint8Array;
	onData: (data: Uint8Array) => void;
	resolve: (bytes: number) => void;
	reject: (error: Error) => void;
	/** The database's own work (whenFree), run instead of a message. */
	job?: () => Promise<void>;
}

// The id whenFree's jobs queue under: connections count from 1, their deallocations below 0.
const OWN_WORK = 0;

const ignore = () => {};

export interface SessionQueueOptions {
	/**
	 * How long a connection may hold the session without sending its next message (idle in
	 * a transaction, or a batch without its Sync) before it is rolled back and closed; every
	 * other connection waits meanwhile. 0 turns it off.
	 */
	idleTimeoutMs?: number;
	/** Told which connection timed out, after its work was rolled back: close its socket. */
	onIdleTimeout?: (handlerId: number) => void;
}

/** The queue a PGLiteSocketHandler takes as `queryQueue`. */
export class SessionQueue {
	readonly #db: PGlite;
	readonly #idleTimeoutMs: number;
	readonly #onIdleTimeout: (handlerId: number) => void;
	/** Runs while the owner holds the session without a message of its own in the queue. */
	#idle: { owner: number; timer: ReturnType<typeof setTimeout> } | null = null;
	#pending: PendingMessage[] = [];
	/** The connection that holds the session between messages, if any. */
	#owner: number | null = null;
	#draining = false;
	/** Connections that went away: whatever they leave open is ended, not waited for. */
	#closed = new Set<number>();
	/** Named prepared statements per connection: they would outlive it in the shared session. */
	#statements = new Map<number, Set<string>>();
	/** When a connection's message last finished (performance.now()). */
	#lastActivity = performance.now();

	constructor(db: PGlite, { idleTimeoutMs = 0, onIdleTimeout = ignore }: SessionQueueOptions = {}) {
		this.#db = db;
		this.#idleTimeoutMs = idleTimeoutMs;
		this.#onIdleTimeout = onIdleTimeout;
	}

	enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
		return new Promise((resolve, reject) => {
			this.#pending.push({ handlerId, message, onData, resolve, reject });
			void this.#drain();
		});
	}

	getQueueLength(): number {
		return this.#pending.length;
	}

	/**
	 * Runs `job` with the session to itself once no connection holds it: between two
	 * transactions, never inside one (VACUUM, for one, cannot run in a transaction block).
	 * Connections queue behind it meanwhile, as behind any other connection's exchange.
	 */
	whenFree(job: () => Promise<void>): Promise<void> {
		return new Promise((resolve, reject) => {
			const run = () => job().then(resolve, reject);
			this.#pending.push({ handlerId: OWN_WORK, message: new Uint8Array(), onData: ignore, resolve: ignore, reject: ignore, job: run });
			void this.#drain();
		});
	}

	/** Milliseconds since a connection's message last ran; 0 while one holds the session or waits. */
	idleForMs(): number {
		if (this.#owner !== null || this.#pending.some((pending) => pending.handlerId > 0)) return 0;
		return performance.now() - this.#lastActivity;
	}

	clearQueueForHandler(handlerId: number): void {
		this.#closed.add(handlerId);
		const dropped = this.#pending.filter((pending) => pending.handlerId === handlerId);
		this.#pending = this.#pending.filter((pending) => pending.handlerId !== handlerId);
		for (const pending of dropped) pending.reject(new Error('connection closed'));
		// Deallocate what it prepared, as an exchange of its own (Close… Sync) under an id no
		// connection has, so it runs only when nobody holds the session.
		const names = this.#statements.get(handlerId);
		this.#statements.delete(handlerId);
		if (names?.size) {
			for (const message of [...[...names].map(closeStatement), syncMessage()]) {
				this.#pending.push({ handlerId: -handlerId, message, onData: ignore, resolve: ignore, reject: ignore });
			}
			void this.#drain();
		}
	}

	/** A connection went away while holding the session: end what it left open, hand it on. */
	async clearTransactionIfNeeded(handlerId: number): Promise<void> {
		if (this.#owner !== handlerId) return;
		await this.#endSession();
		if (this.#owner === handlerId) this.#owner = null;
		await this.#drain();
	}

	// An unfinished batch must be rolled back, not committed by the Sync that ends it: a
	// failing Execute aborts it first. ROLLBACK ends an explicit transaction left open.
	async #endSession(): Promise<void> {
		await this.#db.runExclusive(async () => {
			await this.#db.execProtocolRaw(failingExecute());
			await this.#db.execProtocolRaw(syncMessage());
			if (this.#db.isInTransaction()) await this.#db.execProtocolRaw(simpleQuery('ROLLBACK'));
		});
	}

	async #drain(): Promise<void> {
		if (this.#draining) return;
		this.#draining = true;
		try {
			for (;;) {
				const index = this.#owner === null ? (this.#pending.length ? 0 : -1) : this.#pending.findIndex((pending) => pending.handlerId === this.#owner);
				// The owner's next message has not arrived yet: everyone else waits for it, for
				// at most the idle timeout.
				if (index < 0) break;
				this.#disarmIdle();
				const [next] = this.#pending.splice(index, 1);
				if (next!.job) {
					await next!.job();
					continue;
				}
				this.#track(next!);
				await this.#run(next!);
				const holds = !endsExchange(next!.message) || this.#db.isInTransaction();
				if (holds && this.#closed.has(next!.handlerId)) await this.#endSession();
				this.#owner = holds && !this.#closed.has(next!.handlerId) ? next!.handlerId : null;
			}
		} finally {
			this.#draining = false;
			this.#armIdle();
		}
	}

	// The clock starts when the owner's last message has been answered and is not reset by
	// other connections queueing up behind it.
	#armIdle(): void {
		const owner = this.#owner;
		if (owner === null) return this.#disarmIdle();
		if (this.#idleTimeoutMs <= 0 || this.#idle?.owner === owner) return;
		this.#disarmIdle();
		const timer = setTimeout(() => void this.#evictIdle(owner), this.#idleTimeoutMs);
		timer.unref();
		this.#idle = { owner, timer };
	}

	#disarmIdle(): void {
		if (this.#idle) clearTimeout(this.#idle.timer);
		this.#idle = null;
	}

	/** Rolls back what an idle owner left open, hands the session on, and has it closed. */
	async #evictIdle(handlerId: number): Promise<void> {
		this.#idle = null;
		if (this.#owner !== handlerId || this.#pending.some((pending) => pending.handlerId === handlerId)) return;
		this.#closed.add(handlerId);
		console.error(
			`[embedded-db] connection #${handlerId} held the session idle for ${this.#idleTimeoutMs / 1000} s: its transaction was rolled back and the connection closed`
		);
		await this.#endSession();
		if (this.#owner === handlerId) this.#owner = null;
		this.#onIdleTimeout(handlerId);
		await this.#drain();
	}

	#track({ handlerId, message }: PendingMessage): void {
		if (handlerId <= 0) return;
		if (message[0] === PARSE) {
			const name = cString(message, 5);
			if (!name) return;
			const names = this.#statements.get(handlerId) ?? new Set<string>();
			this.#statements.set(handlerId, names.add(name));
		} else if (message[0] === CLOSE && message[5] === CLOSE_STATEMENT) {
			// The client deallocated it itself.
			this.#statements.get(handlerId)?.delete(cString(message, 6));
		}
	}

	async #run(pending: PendingMessage): Promise<void> {
		let bytes = 0;
		const forward = (data: Uint8Array) => {
			bytes += data.length;
			pending.onData(data);
		};
		try {
			await this.#db.runExclusive(() =>
				this.#db.execProtocolRawStream(pending.message, { onRawData: answersReady(pending.message) ? forward : withoutReadyForQuery(forward) })
			);
			pending.resolve(bytes);
		} catch (error) {
			// One failed message must not stop the queue for every other connection.
			pending.reject(error instanceof Error ? error : new Error(String(error)));
		} finally {
			if (pending.handlerId > 0) this.#lastActivity = performance.now();
		}
	}
}
