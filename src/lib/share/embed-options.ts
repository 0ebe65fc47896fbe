// How an embedded view is drawn: the options `/embed` takes beside the explorer's own view
// parameters. One schema, read by the embed page (a bad value is a 400 naming it, as the API
// answers a bad Filter value), by the Share dialog that writes embed codes, and by oEmbed.
import { z } from 'zod';

/** The charts an embed can show beside or below its map (at most one). */
export const EMBED_CHARTS = ['timeline', 'category', 'type', 'made-in', 'holding-force'] as const;
export type EmbedChart = (typeof EMBED_CHARTS)[number];

export const EMBED_MODES = ['interactive', 'static'] as const;
export type EmbedMode = (typeof EMBED_MODES)[number];

export const CHART_POSITIONS = ['beside', 'below'] as const;
export type ChartPosition = (typeof CHART_POSITIONS)[number];

/** Heights an embed can ask for, in CSS pixels: below the minimum the map and its notices do not fit. */
export const MIN_EMBED_HEIGHT = 240;
export const MAX_EMBED_HEIGHT = 2000;
export const DEFAULT_EMBED_HEIGHT = 480;
/** The width an embed code asks for unless told otherwise; the page itself works from 320 px. */
export const DEFAULT_EMBED_WIDTH = 800;
export const MIN_EMBED_WIDTH = 320;

const height = z
	.string()
	.regex(/^\d{1,4}$/, 'a whole number of pixels')
	.transform(Number)
	.pipe(z.number().min(MIN_EMBED_HEIGHT, `at least ${MIN_EMBED_HEIGHT} pixels`).max(MAX_EMBED_HEIGHT, `at most ${MAX_EMBED_HEIGHT} pixels`));

// Absent means the default; the key order is the order embed URLs write them in.
const embedShape = {
	mode: z.enum(EMBED_MODES, `one of ${EMBED_MODES.join(', ')}`).default('interactive'),
	legend: z.enum(['0', '1'], 'one of 0, 1').transform((value) => value === '1').default(true),
	chart: z.enum([...EMBED_CHARTS, 'none'], `one of ${[...EMBED_CHARTS, 'none'].join(', ')}`).default('none'),
	chartPosition: z.enum(CHART_POSITIONS, `one of ${CHART_POSITIONS.join(', ')}`).default('beside'),
	height: height.default(DEFAULT_EMBED_HEIGHT)
};
export type EmbedOptionKey = keyof typeof embedShape;
export const EMBED_OPTION_KEYS = Object.keys(embedShape) as EmbedOptionKey[];

const embedSchema = z.object(embedShape);
export type EmbedOptions = z.output<typeof embedSchema>;

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = embedSchema.parse({});

export type EmbedOptionsResult = { ok: true; options: EmbedOptions } | { ok: false; field: EmbedOptionKey; error: string };

/** The embed options of a query; anything else in it (the view's own parameters) is ignored. */
export function parseEmbedOptions(params: URLSearchParams): EmbedOptionsResult {
	const raw: Record<string, string> = {};
	for (const key of EMBED_OPTION_KEYS) {
		const value = params.get(key);
		if (value !== null) raw[key] = value;
	}
	const parsed = embedSchema.safeParse(raw);
	if (parsed.success) return { ok: true, options: parsed.data };
	const issue = parsed.error.issues[0]!;
	const field = String(issue.path[0]) as EmbedOptionKey;
	return { ok: false, field, error: `${field}: ${issue.message}` };
}

/** The options as query parameters, defaults left out so embed URLs stay short. */
export function embedOptionParams(options: EmbedOptions): URLSearchParams {
	const params = new URLSearchParams();
	const wire = embedOptionParamsOf(options);
	const defaults = embedOptionParamsOf(DEFAULT_EMBED_OPTIONS);
	for (const key of EMBED_OPTION_KEYS) {
		if (key === 'chartPosition' && options.chart === 'none') continue;
		if (wire[key] !== defaults[key]) params.set(key, wire[key]);
	}
	return params;
}

function embedOptionParamsOf(options: EmbedOptions): Record<EmbedOptionKey, string> {
	return { mode: options.mode, legend: options.legend ? '1' : '0', chart: options.chart, chartPosition: options.chartPosition, height: String(options.height) };
}
