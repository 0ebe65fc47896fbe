// PGlite is one backend session shared by every socket connection. pglite-socket's own queue
// hands that session over between connections message by message and keeps it with one
// connection only inside a SQL transaction, so a Parse/Bind/Execute/Sync batch from another
// connection can run between two messages of ours: 'portal "" does not exist', or another
// client's rows (electric-sql/pglite#1046, still open). This queue keeps the session with a
// connection until the backend is ready for a query outside a transaction again.
import type { PGlite } from '@electric-sql/pglite';

interface PendingMessage {
	handlerId: number;
	message: Uint8Array;
	onData: (data: Uint8Array) => void;
	resolve: (bytes: number) => void;
	reject: (error: Error) => void;
}

const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);

/**
 * Messages after which the backend answers ReadyForQuery: the end of an exchange. A startup
 * message has no type byte; its length's high byte is 0.
 */
function endsExchange(message: Uint8Array): boolean {
	const type = message[0];
	return type === SYNC || type === SIMPLE_QUERY || type === TERMINATE || type === 0;
}

/** The queue a PGLiteSocketHandler takes as `queryQueue`. */
export class SessionQueue {
	readonly #db: PGlite;
	#pending: PendingMessage[] = [];
	/** The connection that holds the session between messages, if any. */
	#owner: number | null = null;
	#draining = false;
	/** Connections that went away: whatever they leave open is ended, not waited for. */
	#closed = new Set<number>();

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
	}

	/** A connection went away while holding the session: end what it left open, hand it on. */
	async clearTransactionIfNeeded(handlerId: number): Promise<void> {
		if (this.#owner !== handlerId) return;
		await this.#endSession();
		this.#owner = null;
		await this.#drain();
	}

	// Sync ends an unfinished batch (and an error's skip-until-Sync state); ROLLBACK ends
	// the transaction a vanished connection left open.
	async #endSession(): Promise<void> {
		await this.#db.runExclusive(async () => {
			await this.#db.execProtocolRaw(SYNC_MESSAGE);
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
				await this.#run(next!);
				const holds = !endsExchange(next!.message) || this.#db.isInTransaction();
				if (holds && this.#closed.has(next!.handlerId)) await this.#endSession();
				this.#owner = holds && !this.#closed.has(next!.handlerId) ? next!.handlerId : null;
			}
		} finally {
			this.#draining = false;
		}
	}

	async #run(pending: PendingMessage): Promise<void> {
		let bytes = 0;
		try {
			await this.#db.runExclusive(() =>
				this.#db.execProtocolRawStream(pending.message, {
					onRawData: (data) => {
						bytes += data.length;
						pending.onData(data);
					}
				})
			);
			pending.resolve(bytes);
		} catch (error) {
			// One failed message must not stop the queue for every other connection.
			pending.reject(error instanceof Error ? error : new Error(String(error)));
		}
	}
}

function simpleQuery(sql: string): Uint8Array {
	const text = new TextEncoder().encode(`${sql}\0`);
	const message = new Uint8Array(5 + text.length);
	message[0] = SIMPLE_QUERY;
	new DataView(message.buffer).setInt32(1, 4 + text.length);
	message.set(text, 5);
	return message;
}
