import { itemExport } from '$lib/server/exports/item-export.ts';
import type { RequestHandler } from './$types';

// The CSV's metadata: Filter, release, retrieval time, licence, citation, row count, columns.
export const GET: RequestHandler = (event) => itemExport(event, 'metadata');
