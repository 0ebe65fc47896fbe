// The API description served at /api/openapi.json, assembled from each area's paths.
import { mapPaths, mapSchemas } from './map.ts';
import { ogcPaths } from './ogc.ts';
import { recordsPaths } from './records.ts';
import { exportPaths } from './exports.ts';

export const openApiDocument = {
	openapi: '3.1.0',
	info: {
		title: 'Diversion Atlas API',
		version: '1',
		description:
			'Documented conflict weapons, trace requests and responses, diversion cases and routes. Every filtered endpoint takes the same Filter parameters; invalid input is answered with HTTP 400 and { error, field }, an unknown record or address with HTTP 404 in the same shape. Demo rows are flagged synthetic. Every answer names the data release whose data answered in a Data-Release header; a link may cite a release with release=N (a whole number, else HTTP 400 naming release), and is answered with the current data (the release log: /changes).'
	},
	servers: [{ url: '/' }],
	paths: { ...mapPaths, ...recordsPaths, ...ogcPaths, ...exportPaths },
	components: { schemas: mapSchemas }
} as const;
