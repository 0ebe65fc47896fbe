import type { Sql } from '../db.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { SqlFragment } from '../filter-sql.ts';
import { encodeTileRows, type TileRow } from '../../../../tiles/encode-embedded.ts';
import encodeNativeSql from '../../../../tiles/encode-native.sql?raw';
import encodeEmbeddedSql from '../../../../tiles/encode-embedded.sql?raw';

const encodeNative = sqlTemplate(encodeNativeSql);
const encodeEmbedded = sqlTemplate(encodeEmbeddedSql);

// Whether the database can encode tiles itself is a fact about the server, asked once per
// client; a WeakMap keeps it with the client instead of in a module variable of its own.
const nativeMvt = new WeakMap<object, Promise<boolean>>();

export function supportsNativeMvt(client: Sql, tx: Queryable): Promise<boolean> {
	let known = nativeMvt.get(client);
	if (!known) {
		known = tx`SELECT postgis_full_version() LIKE '%PROTOBUF%' AS native`.then(([row]) => Boolean(row.native));
		nativeMvt.set(client, known);
		// A failed probe (the database was down, the request's statement timed out) says
		// nothing about the server: forget it so the next tile asks again.
		known.catch(() => {
			if (nativeMvt.get(client) === known) nativeMvt.delete(client);
		});
	}
	return known;
}

/** One layer's rows as MVT bytes: ST_AsMVT where PostGIS has it, vt-pbf otherwise. */
export async function encodeLayer(tx: Queryable, native: boolean, layer: string, rows: SqlFragment): Promise<Uint8Array> {
	if (native) {
		const [row] = await encodeNative(tx, { rows, layer });
		return new Uint8Array(row.mvt as Buffer);
	}
	const tileRows = (await encodeEmbedded(tx, { rows })) as unknown as TileRow[];
	return encodeTileRows(layer, tileRows);
}
