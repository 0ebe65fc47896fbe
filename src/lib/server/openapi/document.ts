// The API description served at /api/openapi.json, assembled from each area's paths.
import { mapPaths, mapSchemas } from './map.ts';
import { recordsPaths } from './records.ts';
import { exportPaths } from './exports.ts';

export const openApiDocument = {
	openapi: '3.1.0',
	info: {
		title: 'Diversion Atlas API',
		version: '1',
		description:
			'Documented conflict weapons, trace requests and responses, diversion cases and routes. Every filtered endpoint takes the same Filter parameters; invalid input is answered with HTTP 400 and { error, field }, an unknown record or address with HTTP 404 in the same shape. Demo rows are flagged synthetic.'
	},
	servers: [{ url: '/' }],
	paths: { ...mapPaths, ...recordsPaths, ...exportPaths },
	components: { schemas: mapSchemas }
} as const;
