import { describe, expect, it } from 'vitest';
import { matchesWords, searchWords } from '../../../../src/lib/components/records/word-search.ts';

describe('the record lists’ in-page search', () => {
	it.each([
		['', []],
		['  Teller   trading ', ['teller', 'trading']],
		['İSTANBUL', ['i̇stanbul']]
	])('splits %j into lower-case words', (query, words) => {
		expect(searchWords(query, 'en')).toEqual(words);
	});

	it.each([
		[[], ['anything'], true],
		[['teller', 'broker'], ['Teller Trading', 'Broker', 'Serbia'], true],
		[['teller', 'state'], ['Teller Trading', 'Broker', 'Serbia'], false],
		[['serb'], ['Teller Trading', 'Broker', 'Serbia'], true],
		[['trading broker'], ['Teller Trading', 'Broker'], true]
	])('with words %j matches a row of %j: %s (every word must appear somewhere)', (words, texts, expected) => {
		expect(matchesWords(words, texts, 'en')).toBe(expected);
	});
});
