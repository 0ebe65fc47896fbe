import { describe, expect, it } from 'vitest';
import { parseSqlTemplate } from '../../../src/lib/server/sql-template.ts';

// Each case: the file's text, the slots it has, and the text postgres.js receives (slots as
// `$n`, as its tagged template numbers them).
const asSent = (file: string) => {
	const { strings, names } = parseSqlTemplate(file);
	return { names, text: strings.reduce((text, part, i) => text + (i ? `$${i}` : '') + part, '') };
};

describe('a .sql file is split at its named slots and nowhere else', () => {
	it.each([
		['a slot', 'SELECT :a', ['a'], 'SELECT $1'],
		['a slot used twice is bound twice', 'SELECT :a + :a', ['a', 'a'], 'SELECT $1 + $2'],
		['a cast is no slot', 'SELECT :z::int, x::text', ['z'], 'SELECT $1::int, x::text'],
		['a cast right after a cast', "SELECT '1'::text::int", [], "SELECT '1'::text::int"],
		['a slot inside a function call', 'SELECT f(:x,:y)', ['x', 'y'], 'SELECT f($1,$2)'],
		['an array slice is no slot', 'SELECT a[1:n], a[lo:hi]', [], 'SELECT a[1:n], a[lo:hi]'],
		['a string keeps a colon', "SELECT 'at :noon'", [], "SELECT 'at :noon'"],
		['a string keeps --', "SELECT 'a--b', :c", ['c'], "SELECT 'a--b', $1"],
		['a string keeps /*', "SELECT '/* no */' || :c", ['c'], "SELECT '/* no */' || $1"],
		['a doubled quote stays in the string', "SELECT 'it''s :x' , :y", ['y'], "SELECT 'it''s :x' , $1"],
		['an E string with a backslash-escaped quote', "SELECT E'it\\'s :x', :y", ['y'], "SELECT E'it\\'s :x', $1"],
		['a plain string ends at a quote after a backslash', "SELECT '\\', :y", ['y'], "SELECT '\\', $1"],
		['a quoted identifier keeps a colon and --', 'SELECT 1 AS "a:b--c", :d', ['d'], 'SELECT 1 AS "a:b--c", $1'],
		['a quoted identifier with a doubled quote', 'SELECT 1 AS "x"":y", :z', ['z'], 'SELECT 1 AS "x"":y", $1'],
		['a dollar-quoted body is left whole', 'SELECT $$ :a -- b $$, :c', ['c'], 'SELECT $$ :a -- b $$, $1'],
		['a tagged dollar quote holding $$', 'SELECT $fn$ $$ :a $$ $fn$, :c', ['c'], 'SELECT $fn$ $$ :a $$ $fn$, $1'],
		['a positional parameter is not a dollar quote', 'SELECT $1, :a', ['a'], 'SELECT $1, $1'],
		['a line comment naming a slot is dropped', '-- takes :filter\nSELECT :z', ['z'], ' \nSELECT $1'],
		['a comment after code, with a quote in it', "SELECT :z -- it's :y\n, 1", ['z'], 'SELECT $1  \n, 1'],
		['a block comment is dropped', 'SELECT /* :a */ :b', ['b'], 'SELECT   $1'],
		['block comments nest', 'SELECT /* a /* :b */ :c */ :d', ['d'], 'SELECT   $1'],
		['a slot right after an operator', 'WHERE x=:a AND y<>:b', ['a', 'b'], 'WHERE x=$1 AND y<>$2']
	])('%s', (_, file, names, text) => {
		expect(asSent(file)).toEqual({ names, text });
	});

	it.each([
		['an unterminated string', "SELECT 'a"],
		['an unterminated quoted identifier', 'SELECT "a'],
		['an unterminated dollar quote', 'SELECT $x$ a'],
		['an unterminated block comment', 'SELECT /* a']
	])('refuses %s instead of guessing', (_, file) => {
		expect(() => parseSqlTemplate(file)).toThrow(/unterminated/);
	});
});
