import type { Filter } from '$lib/filter/filter-schema.ts';
import type { ProducerProfile } from '$lib/api/records.ts';
import { filterCondition } from '../filter-sql.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import producerSql from './producer-profile.sql?raw';

const producerQuery = sqlTemplate(producerSql);

const TOP = 10;

/** The period a producer profile covers: the Filter's documentation days, both optional. */
export type ProducerPeriod = Pick<Filter, 'from' | 'to'>;

/**
 * A country as producer and exporter over `period`, as the viewer sees it: its items are
 * selected by the Filter's own conditions, so the page and /api/stats?made_in= agree.
 */
export async function readProducerProfile(tx: Queryable, iso3: string, period: ProducerPeriod): Promise<ProducerProfile> {
	const [found] = await producerQuery(tx, {
		iso3,
		made: filterCondition(tx, { made_in: [iso3], ...period }),
		from: period.from ?? null,
		to: period.to ?? null,
		top: TOP
	});
	return found.producer as ProducerProfile;
}
