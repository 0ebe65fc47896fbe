// Made tests/bench/tile-addresses.json once, from the site coordinates of the seeded scale-10
// data; the list is committed so every bench run asks for the same tiles. Kept to show how
// the list came about and to make a new one on purpose, never as part of a run:
//   node tests/bench/make-tile-addresses.mjs postgres://…/db > tests/bench/tile-addresses.json
// Weighted toward world and regional views (the explorer opens on a region, readers zoom
// into countries and seldom into towns), placed around the recovery regions the archive
// is densest in. Each address is requested with no filter, one filter and three filters.
import postgres from 'postgres';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { tileOf } from '../load/traffic-mix.mjs';

/** Tiles per zoom, about 300 in all: every tile of z0-z2 (a world view shows them all), most of the rest at z3-z8. */
const PER_ZOOM = [1, 4, 16, 25, 35, 40, 40, 30, 25, 20, 18, 15, 12, 12, 11];
/** Recovery regions and their share of the views. */
const REGIONS = {
	sahel: { share: 4, countries: ['MLI', 'NER', 'BFA', 'TCD', 'NGA', 'CMR'] },
	'iraq-syria': { share: 5, countries: ['IRQ', 'SYR'] },
	libya: { share: 2, countries: ['LBY'] },
	yemen: { share: 2, countries: ['YEM'] },
	somalia: { share: 1, countries: ['SOM', 'ETH', 'KEN'] },
	drc: { share: 1, countries: ['COD', 'CAF', 'SSD', 'BDI', 'UGA'] },
	ukraine: { share: 1, countries: ['UKR'] },
	elsewhere: { share: 1, countries: ['AFG', 'SDN', 'MMR', 'LBN', 'MOZ', 'PHL', 'HTI', 'COL'] }
};
/** One-filter and three-filter strings (valid under src/lib/filter/filter-schema.ts), used in turn. */
const ONE = ['category=weapon', 'category=ammunition', 'made_in=CHN', 'from=2016&to=2016', 'response=permissive'];
const THREE = [
	'from=2014-01-01&to=2019-12-31&category=ammunition&made_in=CHN',
	'from=2012&to=2017&category=weapon&made_in=SUN',
	'category=weapon&made_in=BGR&response=none',
	'from=2015&to=2019&category=related&marking=obliterated',
	'country=IRQ,SYR&category=ammunition&from=2014'
];

const url = process.argv[2];
if (!url) throw new Error('usage: node tests/bench/make-tile-addresses.mjs <database url>');
const sql = postgres(url, { max: 1, onnotice: () => {} });
const rows = await sql`SELECT country_iso3::text AS iso3, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM atlas.sites WHERE visibility = 'public' ORDER BY id`;
await sql.end();
const byRegion = Object.entries(REGIONS).map(([name, r]) => ({ name, share: r.share, sites: rows.filter((s) => r.countries.includes(s.iso3)) }));
const rng = xoroshiro128plus(20261201);
const pick = (list) => list[uniformInt(rng, 0, list.length - 1)];
const weightedRegion = () => {
	let draw = uniformInt(rng, 1, byRegion.reduce((n, r) => n + r.share, 0));
	for (const r of byRegion) if ((draw -= r.share) <= 0) return r;
	return byRegion[0];
};
const tiles = [];
const seen = new Set();
function addTile(z, x, y, region) {
	const key = `${z}/${x}/${y}`;
	if (seen.has(key)) return false;
	seen.add(key);
	const i = tiles.length;
	tiles.push({ z, x, y, region, one: ONE[i % ONE.length], three: THREE[i % THREE.length] });
	return true;
}
for (const [z, count] of PER_ZOOM.entries()) {
	const n = 2 ** z;
	let tries = 0;
	let added = 0;
	if (z <= 2) {
		for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) addTile(z, x, y, 'world');
		continue;
	}
	while (added < Math.min(count, n * n) && tries++ < 10_000) {
		const region = weightedRegion();
		const site = pick(region.sites);
		const t = tileOf(site.lon, site.lat, z);
		// A view holds the site's tile and its neighbours.
		const x = Math.min(n - 1, Math.max(0, t.x + uniformInt(rng, -1, 1)));
		const y = Math.min(n - 1, Math.max(0, t.y + uniformInt(rng, -1, 1)));
		if (addTile(z, x, y, region.name)) added++;
	}
}
process.stdout.write(
	JSON.stringify(
		{
			$comment: 'Sites tile addresses the bench requests, each with no filter, its one-filter and its three-filter string. Made once by make-tile-addresses.mjs from the scale-10 seed; fixed.',
			tiles
		},
		null,
		'\t'
	).replace(/\{\n\t\t\t"z": (\d+),\n\t\t\t"x": (\d+),\n\t\t\t"y": (\d+),\n\t\t\t"region": ("[^"]+"),\n\t\t\t"one": ("[^"]+"),\n\t\t\t"three": ("[^"]+")\n\t\t\}/g, '{ "z": $1, "x": $2, "y": $3, "region": $4, "one": $5, "three": $6 }') + '\n'
);
