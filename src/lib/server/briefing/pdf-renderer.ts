// Prints a briefing page to PDF in the system Chromium (playwright-core, no downloaded
// browser). One render at a time per process: a render holds a browser of ~150 MB and both
// cores of a small machine for a few seconds, so a second request is told to come back
// (429) rather than queued behind it. The slot is the process's, shared by every reader on
// purpose; it holds no reader's data.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../chromium-flags.ts';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
/** Past this the render is abandoned and the reader told to retry (503). */
export const RENDER_TIMEOUT_MS = 20_000;
/** What a busy or timed-out render tells the client to wait, in seconds. */
export const RENDER_RETRY_AFTER = 10;

export type RenderOutcome =
	| { kind: 'pdf'; bytes: Buffer; millis: number; phases: RenderPhases }
	| { kind: 'no-browser'; path: string }
	| { kind: 'busy' }
	| { kind: 'timeout' }
	| { kind: 'page-failed'; status: number };

/** Milliseconds each step of a render took (sent as Server-Timing, read by the bench). */
export interface RenderPhases {
	launch: number;
	load: number;
	ready: number;
	print: number;
}

export interface RenderRequest {
	/** The briefing page to print, on the portal's own origin. */
	url: URL;
	/** The reader's cookies, so the page shows what this reader may see and nothing more. */
	cookie: string | null;
	chromiumPath?: string;
	timeoutMs?: number;
}

let rendering = false;

/** The executable to launch: `CHROMIUM_PATH`, else Debian's. */
export function chromiumPath(): string {
	return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/**
 * Renders `url` once its `[data-ready="true"]` appears (the page sets it when its map has
 * been drawn into a still image), as A4 with the page's own print CSS. A browser is launched
 * per render and closed after it: measured at ~0.6 s of the render (see the README), it keeps
 * no ~150 MB process alive between the few briefings a day.
 */
export async function renderBriefingPdf({ url, cookie, chromiumPath: path = chromiumPath(), timeoutMs = RENDER_TIMEOUT_MS }: RenderRequest): Promise<RenderOutcome> {
	if (!existsSync(path)) return { kind: 'no-browser', path };
	if (rendering) return { kind: 'busy' };
	rendering = true;
	const started = performance.now();
	let browser: Browser | undefined;
	let abandoned = false;
	let timer: NodeJS.Timeout | undefined;
	const timedOut = new Promise<RenderOutcome>((resolve) => (timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs)));
	const render = async (): Promise<RenderOutcome> => {
		let mark = performance.now();
		const lap = () => {
			const now = performance.now();
			const took = Math.round(now - mark);
			mark = now;
			return took;
		};
		browser = await chromium.launch({ executablePath: path, args: [...CHROMIUM_FLAGS], timeout: timeoutMs });
		// Timed out while launching: the browser that came late is closed, not used.
		if (abandoned) throw new Error('render abandoned');
		const launch = lap();
		const context = await browser.newContext({ extraHTTPHeaders: cookie ? { cookie } : {} });
		const page = await context.newPage();
		// Only the portal's own origin: a briefing never makes its reader's printer call a third party.
		await page.route('**/*', (route) => (new URL(route.request().url()).origin === url.origin ? route.continue() : route.abort('blockedbyclient')));
		const response = await page.goto(url.href, { waitUntil: 'load', timeout: timeoutMs });
		if (!response || !response.ok()) return { kind: 'page-failed', status: response?.status() ?? 0 };
		const load = lap();
		await page.waitForSelector('[data-ready="true"]', { timeout: timeoutMs });
		const ready = lap();
		const bytes = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
		return { kind: 'pdf', bytes, millis: Math.round(performance.now() - started), phases: { launch, load, ready, print: lap() } };
	};
	const work = render();
	try {
		return await Promise.race([work, timedOut]);
	} catch (failure) {
		// A wait that ran out inside the render is the same timeout as the outer one.
		if (failure instanceof Error && failure.name === 'TimeoutError') return { kind: 'timeout' };
		// The page could not be reached or the browser died: said as a failed page, never a 500.
		console.error(`[briefing] render of ${url.pathname} failed: ${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}`);
		return { kind: 'page-failed', status: 0 };
	} finally {
		clearTimeout(timer);
		abandoned = true;
		// The slot is free only once no browser of this render is left running.
		await browser?.close().catch(() => {});
		await work.catch(() => {});
		await browser?.close().catch(() => {});
		rendering = false;
	}
}
