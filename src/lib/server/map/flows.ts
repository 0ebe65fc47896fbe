import type { Filter } from '$lib/filter/filter-schema.ts';
import type { CountryFlow, FlowCollection } from '$lib/api/map.ts';
import { filterCondition } from '../filter-sql.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import flowsSql from './flows.sql?raw';

const flowsQuery = sqlTemplate(flowsSql);

interface FlowRow {
	from: string;
	to: string;
	items: number;
	units: number;
	fromLon: number | null;
	fromLat: number | null;
	toLon: number | null;
	toLat: number | null;
}

const point = (lon: number | null, lat: number | null): [number, number] | null => (lon === null || lat === null ? null : [lon, lat]);

/** Matching items summed per (country of manufacture → country of recovery), see flows.sql. */
export async function countryFlows(tx: Queryable, filter: Filter): Promise<FlowCollection> {
	const rows = (await flowsQuery(tx, { filter: filterCondition(tx, filter) })) as unknown as FlowRow[];
	const flows: CountryFlow[] = rows.map((row) => ({
		from: row.from,
		to: row.to,
		items: row.items,
		units: row.units,
		source: point(row.fromLon, row.fromLat),
		target: point(row.toLon, row.toLat)
	}));
	return { flows };
}
