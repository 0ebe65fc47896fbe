// Clusters that would overlap on screen are merged into one, so no two marks (nor the
// counts written in them) cover each other at any zoom. The sites tiles group sites by a
// fixed grid; a cluster's mark grows with what it holds, so neighbouring cells' marks can
// overlap: merging them here, where their screen size is known, is what keeps them apart.
import { SITE_COUNT_KEYS, type SiteCounts } from './site-marks.ts';

export interface PlacedCluster {
	/** Screen position in CSS pixels. */
	x: number;
	y: number;
	counts: SiteCounts;
}

function combine(a: PlacedCluster, b: PlacedCluster): PlacedCluster {
	const counts = Object.fromEntries(SITE_COUNT_KEYS.map((key) => [key, a.counts[key] + b.counts[key]])) as SiteCounts;
	// The merged mark sits at the sites' centre of mass, as a tile cell's does.
	const weight = (cluster: PlacedCluster) => Math.max(1, cluster.counts.sites);
	const total = weight(a) + weight(b);
	return { x: (a.x * weight(a) + b.x * weight(b)) / total, y: (a.y * weight(a) + b.y * weight(b)) / total, counts };
}

/**
 * Merges clusters until no two marks of radius `radiusOf(counts)` come closer than `gap`
 * pixels. Largest first, so a small cluster joins the big one beside it. Quadratic in the
 * clusters on screen (a few hundred at world zoom).
 */
export function mergeOverlapping(clusters: readonly PlacedCluster[], radiusOf: (counts: SiteCounts) => number, gap = 2): PlacedCluster[] {
	const list = [...clusters].sort((a, b) => b.counts.units - a.counts.units || b.counts.sites - a.counts.sites);
	const radii = list.map((cluster) => radiusOf(cluster.counts));
	let merged = true;
	while (merged) {
		merged = false;
		for (let i = 0; i < list.length && !merged; i++) {
			for (let j = i + 1; j < list.length; j++) {
				const reach = radii[i]! + radii[j]! + gap;
				if (Math.hypot(list[i]!.x - list[j]!.x, list[i]!.y - list[j]!.y) >= reach) continue;
				list[i] = combine(list[i]!, list[j]!);
				radii[i] = radiusOf(list[i]!.counts);
				list.splice(j, 1);
				radii.splice(j, 1);
				merged = true;
				break;
			}
		}
	}
	return list;
}
