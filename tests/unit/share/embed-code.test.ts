import { describe, expect, it } from 'vitest';
import { embedSrc, iframeHtml } from '../../../src/lib/share/embed-code.ts';
import { DEFAULT_EMBED_OPTIONS } from '../../../src/lib/share/embed-options.ts';

describe('embedSrc addresses /embed with the view first and the options that differ', () => {
	it('writes the bare view with default options', () => {
		expect(embedSrc('https://a.example', new URLSearchParams('country=IRQ,SYR&sel=site:4'), DEFAULT_EMBED_OPTIONS)).toBe('https://a.example/embed?country=IRQ,SYR&sel=site:4');
		expect(embedSrc('https://a.example', new URLSearchParams(), DEFAULT_EMBED_OPTIONS)).toBe('https://a.example/embed');
	});

	it('appends the options', () => {
		expect(embedSrc('https://a.example', new URLSearchParams('case=2'), { ...DEFAULT_EMBED_OPTIONS, mode: 'static', chart: 'type', height: 300 })).toBe(
			'https://a.example/embed?case=2&mode=static&chart=type&height=300'
		);
	});
});

describe('iframeHtml writes the iframe another site pastes', () => {
	it('carries src, size and title, quoted safely', () => {
		const html = iframeHtml({ src: 'https://a.example/embed?a=1&b=2', width: 640, height: 400, title: 'Weapons "seized" <here> & there' });
		expect(html).toBe(
			'<iframe src="https://a.example/embed?a=1&amp;b=2" width="640" height="400" title="Weapons &quot;seized&quot; &lt;here&gt; &amp; there" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer"></iframe>'
		);
	});
});
