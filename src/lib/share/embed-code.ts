// The embed code of a view: the address of its /embed page and the <iframe> another site
// pastes. Written by the Share dialog and by oEmbed, so both hand out the same code.
import { embedOptionParams, type EmbedOptions } from './embed-options.ts';

/** `/embed` with the view's explorer parameters first, then the options that differ from the defaults. */
export function embedSrc(origin: string, viewParams: URLSearchParams, options: EmbedOptions): string {
	const query = [viewParams.toString(), embedOptionParams(options).toString()].filter(Boolean).join('&').replaceAll('%2C', ',').replaceAll('%3A', ':');
	return `${origin}/embed${query ? `?${query}` : ''}`;
}

const attribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export interface EmbedFrame {
	src: string;
	width: number;
	height: number;
	/** Read by screen readers on the embedding page: the view's title. */
	title: string;
}

/** The <iframe> element as HTML text; lazy, borderless, and never given the host page's referrer. */
export function iframeHtml({ src, width, height, title }: EmbedFrame): string {
	return `<iframe src="${attribute(src)}" width="${width}" height="${height}" title="${attribute(title)}" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer"></iframe>`;
}
