// How the two kinds of recipient are drawn wherever they appear: Okabe–Ito colours plus a
// dash and a point shape, so the lines stay apart in greyscale and for colour-blind readers.
import type { RecipientKind } from '$lib/api/stats.ts';

export const RECIPIENT_STYLE: Record<RecipientKind, { colour: string; dashed: boolean; shape: 'circle' | 'square' }> = {
	state: { colour: '#0072b2', dashed: false, shape: 'circle' },
	company: { colour: '#d55e00', dashed: true, shape: 'square' }
};
