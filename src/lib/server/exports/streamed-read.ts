import type postgres from 'postgres';
import pLimit from 'p-limit';
import { logFailure } from '../log.ts';
import { withViewer, type Viewer, type ViewerTransaction } from '../viewer.ts';

/** Rows read in batches through a server-side cursor, and the data version they are from. */
export interface StreamedRows<Row> {
	version: string;
	/** One chunk per batch; cancelling it (the client went away) closes the cursor and the transaction. */
	batches: ReadableStream<Row[]>;
}

// A download holds its connection for as long as the reader takes to receive it: at most
// this many at once, beside (not inside) the aggregate lane (viewer.ts), so downloads never
// keep stats, tiles or record pages waiting for a connection of the pool's 8.
const EXPORT_LANES = 2;
const exportLane = pLimit(EXPORT_LANES);

// A reader who stops reading (but keeps the socket) would hold the transaction for ever;
// the embedded database also rolls back a transaction idle for 10 s
// (ATLAS_EMBEDDED_IDLE_TIMEOUT_MS), so the stream gives up a little before that.
const STALLED_MS = 9_000;

/**
 * Streams the rows of `query` as the viewer (row security applies), `batchSize` rows at a
 * time from a cursor, with constant memory: the next batch is fetched only when the
 * response has taken the last one. The transaction stays open while the stream lasts and
 * ends when it is read to the end, cancelled, or stalled. Resolves once the first batch is
 * read, so an unreachable database or a failing query is still an error the endpoint
 * answers (503), not a cut-off download.
 */
export function streamedRows<Row extends object>(
	viewer: Viewer,
	query: (tx: ViewerTransaction) => postgres.PendingQuery<Row[]>,
	{ path, batchSize = 2000 }: { path: string; batchSize?: number }
): Promise<StreamedRows<Row>> {
	let opened = false;
	return new Promise<StreamedRows<Row>>((resolve, reject) => {
		const read = exportLane(() =>
			withViewer(viewer, async (tx, snapshot) => {
				const cursor = query(tx).cursor(batchSize)[Symbol.asyncIterator]();
				let ahead: IteratorResult<Row[]> | undefined = await cursor.next();
				const version = await snapshot.version;
				let finish!: (failure?: unknown) => void;
				const finished = new Promise<void>((done, fail) => (finish = (failure) => (failure === undefined ? done() : fail(failure))));
				let stall: ReturnType<typeof setTimeout> | undefined;
				const stop = async (failure?: unknown) => {
					clearTimeout(stall);
					// Closing the cursor before the transaction ends: postgres.js sends CLOSE.
					if (failure === undefined) await cursor.return?.().catch(() => {});
					finish(failure);
				};
				const batches = new ReadableStream<Row[]>(
					{
						async pull(controller) {
							clearTimeout(stall);
							try {
								const next = ahead ?? (await cursor.next());
								ahead = undefined;
								if (next.done) {
									controller.close();
									return stop();
								}
								controller.enqueue(next.value);
								stall = setTimeout(() => {
									controller.error(new Error('export stalled: the reader stopped reading'));
									void stop();
								}, STALLED_MS);
							} catch (failure) {
								controller.error(failure);
								await stop(failure);
							}
						},
						cancel: () => stop()
					},
					{ highWaterMark: 1 }
				);
				opened = true;
				resolve({ version, batches });
				await finished;
			})
		);
		read.catch((failure) => {
			if (!opened) return reject(failure);
			// The answer had begun: the reader sees a cut-off download; the log says why.
			logFailure(failure, { method: 'GET', route: null, path, status: 200 });
		});
	});
}
