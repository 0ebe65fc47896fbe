import { itemExport } from '$lib/server/exports/item-export.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => itemExport(event, 'csv');
