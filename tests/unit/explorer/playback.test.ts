import { describe, expect, it } from 'vitest';
import {
	currentFrame, frameAfter, framePeriod, framesOf, parsePlayRange, parsePlaySpeed, playRangeOf, rangePeriod, serialisePlayRange
} from '../../../src/lib/explorer/playback.ts';

describe('parsePlayRange reads play=first..last by year or by month', () => {
	it.each([
		['2012..2021', { step: 'year', first: '2012', last: '2021' }],
		['2015-11..2016-02', { step: 'month', first: '2015-11', last: '2016-02' }],
		['2015..2015', { step: 'year', first: '2015', last: '2015' }],
		['2016..2015', null],
		['2015..2016-01', null],
		['2015-13..2016-01', null],
		['2015', null],
		['2012..2015..2016', null],
		['1800..1900', null],
		// 241 months is past the cap: every frame is a request.
		['2000-01..2020-01', null],
		[null, null]
	])('%s → %o', (text, expected) => {
		expect(parsePlayRange(text)).toEqual(expected);
	});

	it('round-trips', () => {
		expect(serialisePlayRange(parsePlayRange('2015-11..2016-02')!)).toBe('2015-11..2016-02');
	});
});

describe('frames', () => {
	it('steps years and months, across a year end', () => {
		expect(framesOf({ step: 'year', first: '2014', last: '2016' })).toEqual(['2014', '2015', '2016']);
		expect(framesOf({ step: 'month', first: '2015-11', last: '2016-02' })).toEqual(['2015-11', '2015-12', '2016-01', '2016-02']);
	});

	it('gives each frame its whole period as the Filter reads it, leap days included', () => {
		expect(framePeriod('2015')).toEqual({ from: '2015-01-01', to: '2015-12-31' });
		expect(framePeriod('2016-02')).toEqual({ from: '2016-02-01', to: '2016-02-29' });
		expect(framePeriod('2015-02')).toEqual({ from: '2015-02-01', to: '2015-02-28' });
	});

	it('finds the frame the Filter shows, and none for a range that is not a frame', () => {
		const range = { step: 'year' as const, first: '2012', last: '2021' };
		expect(currentFrame(range, framePeriod('2016'))).toBe('2016');
		expect(currentFrame(range, { from: '2016-01-01', to: '2017-12-31' })).toBeNull();
		expect(currentFrame(range, {})).toBeNull();
	});

	it('steps forward and back, and stops at both ends', () => {
		const range = { step: 'year' as const, first: '2019', last: '2021' };
		expect(frameAfter(range, null, 1)).toBe('2019');
		expect(frameAfter(range, '2019', 1)).toBe('2020');
		expect(frameAfter(range, '2021', 1)).toBeNull();
		expect(frameAfter(range, '2019', -1)).toBeNull();
	});
});

describe('playRangeOf', () => {
	it('plays the Filter\'s own range in whole years or months, else every year of the data', () => {
		expect(playRangeOf({ from: '2015-03-10', to: '2016-02-01' }, 'month')).toEqual({ step: 'month', first: '2015-03', last: '2016-02' });
		expect(playRangeOf({ from: '2015-03-10' }, 'year')).toEqual({ step: 'year', first: '2015', last: '2021' });
		expect(playRangeOf({}, 'year')).toEqual({ step: 'year', first: '2012', last: '2021' });
		expect(playRangeOf({}, 'month')).toEqual({ step: 'month', first: '2012-01', last: '2021-12' });
	});

	it('restores the whole range when playback stops', () => {
		expect(rangePeriod({ step: 'month', first: '2015-11', last: '2016-02' })).toEqual({ from: '2015-11-01', to: '2016-02-29' });
	});
});

describe('parsePlaySpeed', () => {
	it.each([['2', 2], ['4', 4], ['3', 1], [null, 1], ['x', 1]])('%s → %d', (text, speed) => {
		expect(parsePlaySpeed(text)).toBe(speed);
	});
});
