import { describe, expect, it } from 'vitest';
import { atomHtml, atomLines } from '../../../src/lib/server/feeds/atom-text.ts';

describe('text in an Atom entry', () => {
	it('escapes markup a case title or a correction could hold, so a feed reader shows it as text', () => {
		expect(atomHtml('<script>alert("x")</script> & \'co\'')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;');
	});

	it('keeps each line a line', () => {
		expect(atomLines(['Items: 3 changed.', 'Why: a <b> tag'])).toBe('Items: 3 changed.<br/>Why: a &lt;b&gt; tag');
	});
});
