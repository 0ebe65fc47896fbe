// Shapes the load test's modules pass between them, so the project's type check (checkJs)
// covers the .mjs scripts too.

/** A seeded source of draws (traffic-mix.mjs `draws`). */
export interface Draws {
	next(): number;
	int(from: number, to: number): number;
	pick<T>(values: readonly T[]): T;
}

/** Where and what the traffic aims at, read from the portal before a run. */
export interface Places {
	/** [lon, lat] of public recovery sites in the focus countries. */
	focus: number[][];
	/** [lon, lat] of those and of sites elsewhere. */
	centres: number[][];
	items: number[];
	/** An item id past every real one, for the expected 404s. */
	missingItem: number;
}

/** One kind of request in the mix. */
export interface MixKind {
	kind: string;
	/** Share of requests, per 1,000. */
	share: number;
	/** The statuses this kind may answer. */
	expect: number[];
	path(d: Draws): string;
}

export interface KindResult {
	kind: string;
	expect: number[];
	statuses: Record<string, number>;
	/** Up to a few paths and body starts per unexpected status. */
	examples: Record<string, { path: string; body: string }[]>;
	lost: number;
	cacheHits: number;
	answered: number;
	p50: number | null;
	p99: number | null;
	/** [status, count] of statuses outside `expect`. */
	unexpected: [string, number][];
}

export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx';

export interface LoadRun {
	label: string;
	seconds: number;
	connections: number;
	rate: number | null;
	answered: number;
	requestsPerSecond: number;
	bytesPerSecond: number;
	latency: { p50: number; p99: number; max: number };
	byClass: Record<StatusClass, number>;
	errors: number;
	timeouts: number;
	socketErrors: number;
	/** Counts of socket errors and timeouts by error code or message. */
	errorKinds: Record<string, number>;
	lost: number;
	inflightAtStop: number;
	perKind: KindResult[];
	loadAverage: { before: number; after: number };
}

/** The portal after a run: process alive, last and first /api/health status, wait. */
export interface AfterRun {
	alive: boolean;
	health: number;
	first?: number;
	waitedSeconds?: number;
}

export interface Check {
	name: string;
	ok: boolean;
	detail: string;
}

/** One memory reading, in MiB; null where it could not be read. */
export interface MemorySample {
	seconds: number;
	rss: number | null;
	heapUsed: number | null;
	arrayBuffers: number | null;
	childRss: number | null;
}

export interface Backend {
	name: string;
	databaseUrl?: string;
	dataDir?: string;
}

export interface Portal {
	name: string;
	url: string;
	pid: number;
	logPath: string;
	startSeconds: number;
	alive(): boolean;
	exitDescription(): string;
	heap(): Promise<NodeJS.MemoryUsage | null>;
	log(): string;
	stop(): Promise<{ forced: boolean }>;
}
