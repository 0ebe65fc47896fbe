import type { Consignment, ConsignmentDetail, ConsignmentRoute, RecoverySite } from '$lib/api/records.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import { readConsignmentTransfers } from './consignment-transfers.ts';
import consignmentSql from './consignment-record.sql?raw';
import sitesSql from './consignment-sites.sql?raw';
import routesSql from './consignment-routes.sql?raw';

const consignmentQuery = sqlTemplate(consignmentSql);
const sitesQuery = sqlTemplate(sitesSql);
const routesQuery = sqlTemplate(routesSql);

interface RouteRow {
	id: number;
	status: ConsignmentRoute['status'];
	site_id: number;
	case_id: number | null;
	synthetic: boolean;
}

/**
 * A consignment with where it started, how it moved and everywhere its items were
 * recovered: what the explorer draws as one origin fanning out to many sites.
 * Null when unknown or hidden.
 */
export async function readConsignmentDetail(tx: Queryable, consignmentId: number): Promise<ConsignmentDetail | null> {
	const [found] = await consignmentQuery<{
		consignment: Consignment;
		origin_point: ConsignmentDetail['originPoint'];
		goods: ConsignmentDetail['goods'];
		recipient: ConsignmentDetail['recipient'];
	}>(tx, { consignment_id: consignmentId });
	if (!found) return null;
	const [transfers, sites, routes] = await Promise.all([
		readConsignmentTransfers(tx, consignmentId),
		sitesQuery<RecoverySite>(tx, { consignment_id: consignmentId }),
		routesQuery<RouteRow>(tx, { consignment_id: consignmentId })
	]);
	return {
		...found.consignment,
		originPoint: found.origin_point,
		goods: found.goods,
		recipient: found.recipient,
		transfers,
		sites: sites.map((site) => ({ ...site })),
		routes: routes.map((route) => ({
			id: route.id, status: route.status, siteId: route.site_id, caseId: route.case_id, synthetic: route.synthetic
		}))
	};
}
