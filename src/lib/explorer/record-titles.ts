// Records named in words, for panel headings and filter chips: a reader sees "Ammunition
// for the Government of Iraq", not "Consignment 8". Built from the record's own data, in the
// reader's language (the category from the catalogue, names as recorded).
import type { ConsignmentDetail } from '$lib/api/records.ts';
import { categoryLabel } from '$lib/domain/labels.ts';
import type { MessageKey, MessageValues } from '$lib/i18n/translate.ts';

type Translate = (key: MessageKey, values?: MessageValues) => string;

/** What a consignment carried and for whom; its reference when neither is visible. */
export function consignmentTitle(consignment: Pick<ConsignmentDetail, 'goods' | 'recipient' | 'reference'>, t: Translate): string {
	const goods = consignment.goods ? t(categoryLabel(consignment.goods)) : null;
	const recipient = consignment.recipient;
	if (goods && recipient) return t('explorer.consignment.title', { goods, recipient: recipient.name, kind: recipient.kind });
	if (goods) return t('explorer.consignment.titleGoods', { goods, reference: consignment.reference });
	return consignment.reference;
}
