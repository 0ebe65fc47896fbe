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

// A download of the whole archive takes longer than the 15 s a reader's statement may
// (viewer.ts), and PostgreSQL times a cursor's fetches as one statement until the end. Each
// fetch is one batch, and a reader who stops reading is cut off by STALLED_MS, so the bound
// that remains is on the whole download.
const DOWNLOAD_TIMEOUT = '10min';

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
	{ path, batchSize = 500, timeout = DOWNLOAD_TIMEOUT }: { path: string; batchSize?: number; timeout?: string }
): Promise<StreamedRows<Row>> {
	let opened = false;
	return new Promise<StreamedRows<Row>>((resolve, reject) => {
		const read = exportLane(() =>
			withViewer(viewer, async (tx, snapshot) => {
				await tx`SELECT set_config('statement_timeout', ${timeout}, true)`;
				const cursor = query(tx).cursor(batchSize)[Symbol.asyncIterator]();
				// The fetch under way, if any: the cursor may only be closed between fetches
				// (postgres.js closes a suspended portal; one mid-fetch would be left open, and
				// the transaction with it).
				let fetching: Promise<IteratorResult<Row[]>> | null = null;
				let exhausted = false;
				const fetchNext = () =>
					(fetching = cursor.next())
						.then((result) => ((exhausted = Boolean(result.done)), result))
						.finally(() => (fetching = null));
				let ahead: IteratorResult<Row[]> | undefined = await fetchNext();
				const version = await snapshot.version;
				let finish!: (failure?: unknown) => void;
				const finished = new Promise<void>((done, fail) => (finish = (failure) => (failure === undefined ? done() : fail(failure))));
				let stall: ReturnType<typeof setTimeout> | undefined;
				let stopped = false;
				const stop = async (failure?: unknown) => {
					if (stopped) return;
					stopped = true;
					clearTimeout(stall);
					if (failure === undefined) {
						if (fetching) await fetching.catch(() => (exhausted = true));
						// A cursor left before its end is closed before the transaction ends.
						if (!exhausted) await cursor.return?.();
					}
					finish(failure);
				};
				const batches = new ReadableStream<Row[]>(
					{
						async pull(controller) {
							clearTimeout(stall);
							try {
								const next = ahead ?? (await fetchNext());
								ahead = undefined;
								if (stopped) return;
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
								if (stopped) return;
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
