/** A body read whole (it ended within the limit), or a stream of everything (it did not). */
export type ReadUpTo = { kind: 'whole'; bytes: Uint8Array } | { kind: 'longer'; stream: ReadableStream<Uint8Array> };

/**
 * Reads a body while it stays within `limit` bytes. A longer one is handed back as a stream
 * that replays what was read and then continues from the source, so memory stays bounded by
 * the limit (a streamed download keeps its constant memory past it).
 */
export async function readUpTo(body: ReadableStream<Uint8Array> | null, limit: number): Promise<ReadUpTo> {
	if (body === null) return { kind: 'whole', bytes: new Uint8Array() };
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		size += value.byteLength;
		if (size > limit) return { kind: 'longer', stream: replayThenContinue(chunks, reader) };
	}
	const bytes = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, at);
		at += chunk.byteLength;
	}
	return { kind: 'whole', bytes };
}

function replayThenContinue(read: Uint8Array[], reader: ReadableStreamDefaultReader<Uint8Array>): ReadableStream<Uint8Array> {
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = read.shift();
			if (next) return controller.enqueue(next);
			const { done, value } = await reader.read();
			if (done) controller.close();
			else controller.enqueue(value);
		},
		cancel(reason) {
			return reader.cancel(reason);
		}
	});
}
