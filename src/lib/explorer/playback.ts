// Time playback: the Filter's time range stepped through year by year (or month by month).
// The frame shown is the Filter's own from/to, so the map, the counts and the charts follow
// it like any other filter; the URL keeps the range played (`play=2012..2021`, or
// `play=2015-01..2016-12` by month) and the speed, so a link opens on the same frame, paused.
import type { Filter } from '$lib/filter/filter-schema.ts';

export type PlayStep = 'year' | 'month';
export interface PlayRange {
	step: PlayStep;
	/** First and last frame: `YYYY` by year, `YYYY-MM` by month. */
	first: string;
	last: string;
}

export const PLAY_SPEEDS = [1, 2, 4] as const;
export type PlaySpeed = (typeof PLAY_SPEEDS)[number];

/** The demo data's years: what a reader plays when the Filter has no time range. */
export const DATA_YEARS = { first: 2012, last: 2021 } as const;
// A range longer than this is refused: a frame is a request, and a link must stay playable.
const MAX_FRAMES = 240;

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Frames of a range in order. */
export function framesOf({ step, first, last }: PlayRange): string[] {
	if (step === 'year') {
		return Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => String(Number(first) + i));
	}
	const index = (frame: string) => Number(frame.slice(0, 4)) * 12 + Number(frame.slice(5, 7)) - 1;
	return Array.from({ length: index(last) - index(first) + 1 }, (_, i) => {
		const month = index(first) + i;
		return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
	});
}

export function parsePlayRange(text: string | null): PlayRange | null {
	const [first, last, extra] = (text ?? '').split('..');
	if (!first || !last || extra !== undefined) return null;
	const step: PlayStep | null = YEAR.test(first) && YEAR.test(last) ? 'year' : MONTH.test(first) && MONTH.test(last) ? 'month' : null;
	if (!step || first > last || Number(first.slice(0, 4)) < 1900 || Number(last.slice(0, 4)) > 2100) return null;
	const range = { step, first, last };
	return framesOf(range).length <= MAX_FRAMES ? range : null;
}

export const serialisePlayRange = ({ first, last }: PlayRange) => `${first}..${last}`;

export function parsePlaySpeed(text: string | null): PlaySpeed {
	const speed = Number(text);
	return (PLAY_SPEEDS as readonly number[]).includes(speed) ? (speed as PlaySpeed) : 1;
}

/** The Filter's time range for one frame (a whole year or a whole month). */
export function framePeriod(frame: string): { from: string; to: string } {
	if (YEAR.test(frame)) return { from: `${frame}-01-01`, to: `${frame}-12-31` };
	const [year, month] = [Number(frame.slice(0, 4)), Number(frame.slice(5, 7))];
	const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return { from: `${frame}-01`, to: `${frame}-${String(lastDay).padStart(2, '0')}` };
}

/** The frame the Filter's time range shows, or null when it is not one of the range's frames. */
export function currentFrame(range: PlayRange, filter: Pick<Filter, 'from' | 'to'>): string | null {
	return framesOf(range).find((frame) => {
		const period = framePeriod(frame);
		return period.from === filter.from && period.to === filter.to;
	}) ?? null;
}

/** The frame `offset` steps from `frame`, or null past either end. */
export function frameAfter(range: PlayRange, frame: string | null, offset: number): string | null {
	const frames = framesOf(range);
	const index = frame === null ? -1 : frames.indexOf(frame);
	return frames[index + offset] ?? null;
}

/**
 * The range a reader plays from a Filter: its own time range, in whole years or months
 * (2015-03-10 … 2016-02-01 by month is 2015-03 … 2016-02), else every year of the data.
 */
export function playRangeOf(filter: Pick<Filter, 'from' | 'to'>, step: PlayStep): PlayRange {
	const cut = (date: string | undefined, fallback: number) => (date ? (step === 'year' ? date.slice(0, 4) : date.slice(0, 7)) : step === 'year' ? String(fallback) : `${fallback}-${fallback === DATA_YEARS.first ? '01' : '12'}`);
	const first = cut(filter.from, DATA_YEARS.first);
	const last = cut(filter.to, DATA_YEARS.last);
	return parsePlayRange(`${first}..${last}`) ?? { step: 'year', first: String(DATA_YEARS.first), last: String(DATA_YEARS.last) };
}

/** The Filter's time range to restore when playback stops: the whole range played. */
export function rangePeriod(range: PlayRange): { from: string; to: string } {
	return { from: framePeriod(range.first).from, to: framePeriod(range.last).to };
}
