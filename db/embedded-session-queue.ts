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
}

const ignore = () => {};

/** The queue a PGLiteSocketHandler takes as `queryQueue`. */
export class SessionQueue {
	readonly #db: PGlite;
	#pending: PendingMessage[] = [];
	/** The connection that holds the session between messages, if any. */
	#owner: number | null = null;
	#draining = false;
	/** Connections that went away: whatever they leave open is ended, not waited for. */
	#closed = new Set<number>();
	/** Named prepared statements per connection: they would outlive it in the shared session. */
	#statements = new Map<number, Set<string>>();

	constructor(db: PGlite) {
		this.#db = db;
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
				// The owner's next message has not arrived yet: everyone else waits for it.
				if (index < 0) break;
				const [next] = this.#pending.splice(index, 1);
				this.#track(next!);
				await this.#run(next!);
				const holds = !endsExchange(next!.message) || this.#db.isInTransaction();
				if (holds && this.#closed.has(next!.handlerId)) await this.#endSession();
				this.#owner = holds && !this.#closed.has(next!.handlerId) ? next!.handlerId : null;
			}
		} finally {
			this.#draining = false;
		}
	}

	#track({ handlerId, message }: PendingMessage): void {
		if (handlerId < 0) return;
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
		}
	}
}
