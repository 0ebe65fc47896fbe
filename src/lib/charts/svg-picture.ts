// A chart's picture as a standalone SVG file and as a PNG, made in the browser. The page's
// stylesheet does not travel with the file, so the computed colours and fonts are written onto
// each element as presentation attributes (never a style attribute: the portal's CSP).
const PAINTED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'paint-order'] as const;

export function svgMarkup(svg: SVGSVGElement, title: string, background: string): string {
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
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	const heading = document.createElementNS('http://www.w3.org/2000/svg', 'title');
	heading.textContent = title;
	const paper = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
	for (const [name, value] of Object.entries({ width: '100%', height: '100%', fill: background })) paper.setAttribute(name, value);
	copy.prepend(heading, paper);
	return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
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
