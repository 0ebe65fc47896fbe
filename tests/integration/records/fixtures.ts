// Ids of the published case records, looked up by what a reader knows about them (never by
// a hard-coded id, which depends on the seed order).
import type { Sql } from 'postgres';

export async function itemIdBySerial(sql: Sql, serial: string): Promise<number> {
	const [row] = await sql`SELECT id FROM atlas.items WHERE serial_number = ${serial} AND NOT synthetic`;
	if (!row) throw new Error(`no real item with serial ${serial}`);
	return row.id as number;
}

export async function itemIdByModel(sql: Sql, model: string): Promise<number> {
	const [row] = await sql`SELECT id FROM atlas.items WHERE model = ${model} AND NOT synthetic ORDER BY id LIMIT 1`;
	if (!row) throw new Error(`no real item of model ${model}`);
	return row.id as number;
}

export async function consignmentIdByReference(sql: Sql, reference: string): Promise<number> {
	const [row] = await sql`SELECT id FROM atlas.consignments WHERE reference = ${reference}`;
	if (!row) throw new Error(`no consignment ${reference}`);
	return row.id as number;
}
