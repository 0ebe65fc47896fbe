// A chart's picture as a standalone SVG file and as a PNG, made in the browser. The page's
// stylesheet does not travel with the file, so the computed colours and fonts are written onto
// each element as presentation attributes (never a style attribute: the portal's CSP).
const PAINTED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'paint-order'] as const;

/** What a saved picture says about itself: its title above, filter, source, release and demo notice below. */
export interface PictureCredits {
	title: string;
	lines: string[];
}

export interface ChartPicture {
	markup: string;
	width: number;
	height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_PX = 15;
const LINE_PX = 11;
const MARGIN = 10;

/**
 * Splits text into lines of at most `max` characters at spaces (SVG text does not wrap); a
 * longer word (a permalink) is cut where it reaches the edge.
 */
export function wrapText(text: string, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	const words = text.split(/\s+/).filter(Boolean).flatMap((word) => word.match(new RegExp(`.{1,${max}}`, 'g')) ?? []);
	for (const word of words) {
		if (line && line.length + 1 + word.length > max) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

function textLine(content: string, y: number, px: number, weight: string, fill: string, font: string): SVGTextElement {
	const text = document.createElementNS(SVG_NS, 'text');
	for (const [name, value] of Object.entries({ x: String(MARGIN), y: String(y), 'font-size': String(px), 'font-weight': weight, fill, 'font-family': font })) text.setAttribute(name, value);
	text.textContent = content;
	return text;
}

/**
 * The chart as a standalone SVG with its credits drawn in: a picture pasted into a slide or
 * an article still says what it shows, under which filter, from which source and release,
 * and that demo figures are synthetic.
 */
export function chartPicture(svg: SVGSVGElement, credits: PictureCredits, background: string): ChartPicture {
	const width = svg.width.baseVal.value;
	const chartHeight = svg.height.baseVal.value;
	const font = getComputedStyle(svg).fontFamily || 'sans-serif';
	const ink = getComputedStyle(svg).color || '#1a1a1a';
	// About 0.55 em per character: lines that fit the chart's width.
	const perLine = Math.max(30, Math.floor((width - 2 * MARGIN) / (LINE_PX * 0.55)));
	const titleLines = wrapText(credits.title, Math.floor(perLine * (LINE_PX / TITLE_PX)));
	const lines = credits.lines.flatMap((line) => wrapText(line, perLine));
	const top = MARGIN + titleLines.length * (TITLE_PX + 4);
	const height = top + chartHeight + MARGIN + lines.length * (LINE_PX + 4);

	const chart = svgElementCopy(svg);
	for (const [name, value] of Object.entries({ x: '0', y: String(top), width: String(width), height: String(chartHeight) })) chart.setAttribute(name, value);
	const outer = document.createElementNS(SVG_NS, 'svg');
	for (const [name, value] of Object.entries({ xmlns: SVG_NS, width: String(width), height: String(height), viewBox: `0 0 ${width} ${height}` })) outer.setAttribute(name, value);
	const heading = document.createElementNS(SVG_NS, 'title');
	heading.textContent = credits.title;
	const paper = document.createElementNS(SVG_NS, 'rect');
	for (const [name, value] of Object.entries({ width: '100%', height: '100%', fill: background })) paper.setAttribute(name, value);
	outer.append(heading, paper);
	titleLines.forEach((line, i) => outer.append(textLine(line, MARGIN + TITLE_PX + i * (TITLE_PX + 4), TITLE_PX, '600', ink, font)));
	outer.append(chart);
	lines.forEach((line, i) => outer.append(textLine(line, top + chartHeight + MARGIN + LINE_PX + i * (LINE_PX + 4), LINE_PX, '400', ink, font)));
	return { markup: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(outer)}`, width, height };
}

/** The chart's own SVG with its computed paint written on, without interaction. */
function svgElementCopy(svg: SVGSVGElement): SVGSVGElement {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	const originals = [svg, ...svg.querySelectorAll('*')];
	const copies = [copy, ...copy.querySelectorAll('*')];
	originals.forEach((element, i) => {
		const computed = getComputedStyle(element);
		for (const name of PAINTED) {
			const value = computed.getPropertyValue(name);
			if (value && value !== 'none' || name === 'fill') copies[i]!.setAttribute(name, value || 'none');
		}
		copies[i]!.removeAttribute('class');
	});
	// Invisible hit areas and the brush handles are interaction, not picture.
	copy.querySelectorAll('.hit, .brush .overlay, .brush .handle').forEach((node) => node.remove());
	copy.querySelectorAll('[tabindex],[role],[aria-label],[aria-pressed]').forEach((node) => {
		for (const name of ['tabindex', 'role', 'aria-label', 'aria-pressed']) node.removeAttribute(name);
	});
	return copy;
}

/** Draws the SVG on a canvas at `scale` × its size: a PNG that stays sharp on slides. */
export async function pngFromSvg(markup: string, width: number, height: number, scale = 2): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('no 2D canvas');
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Saves a blob under a file name through a temporary link: nothing leaves the browser. */
export function saveBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
