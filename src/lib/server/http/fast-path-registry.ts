import type { IncomingHttpHeaders } from 'node:http';

/** A request's answer as the fast path sends it: status, headers, body. */
export interface FastAnswer {
	status: number;
	headers: Record<string, string>;
	body: Uint8Array | null;
}

/** The answer memory alone can give to a request, or null: then SvelteKit answers it. */
export type FastPath = (method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders) => FastAnswer | null;

/**
 * Where the portal's server (db/serve-portal.ts) finds the fast path. The server file and
 * the SvelteKit bundle are separate module graphs (db/ vs build/server/*), so they cannot
 * share the tile cache and the data version by importing them: the fast path is a module
 * of the bundle (tiles/tile-fast-path.ts, loaded by hooks.server.ts), using the bundle's one
 * cache and version, and only its function crosses, under this symbol. This module holds
 * no state and imports nothing, so both graphs may load their own copy of it.
 */
export const FAST_PATH = Symbol.for('diversion-atlas.fast-path');

export function registerFastPath(fastPath: FastPath): void {
	(globalThis as Record<symbol, unknown>)[FAST_PATH] = fastPath;
}

export function registeredFastPath(): FastPath | undefined {
	return (globalThis as Record<symbol, unknown>)[FAST_PATH] as FastPath | undefined;
}
