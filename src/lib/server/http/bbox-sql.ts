import type { SqlFragment } from '../filter-sql.ts';
import type { Queryable } from '../sql-file.ts';

// Web Mercator has no pole: a bounding box is clamped to the latitudes it can represent.
const MAX_LAT = 85.0511;

export type Bbox = [number, number, number, number];

/** A bounding box (west, south, east, north in degrees) as an EPSG:3857 box. */
export function bboxEnvelope(sql: Queryable, [w, s, e, n]: Bbox): SqlFragment {
	const clamp = (lat: number) => Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
	return sql`ST_Transform(ST_MakeEnvelope(${w}::float8, ${clamp(s)}::float8, ${e}::float8, ${clamp(n)}::float8, 4326), 3857)`;
}

/** `column && box` on an EPSG:3857 column (the box is transformed, never the column), or TRUE. */
export function bboxCondition(sql: Queryable, column: SqlFragment, bbox: Bbox | null): SqlFragment {
	if (!bbox) return sql`TRUE`;
	return sql`${column} && ${bboxEnvelope(sql, bbox)}`;
}
