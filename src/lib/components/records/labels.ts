// Message keys for the domain's enumerations, so pages never spell a key by hand.
import type { MessageKey } from '$lib/i18n/index.ts';
import type {
	CasePartyRole, DatePrecision, DiversionMechanism, DocumentationContext, ItemCategory, MarkingState, PartyKind, RouteStatus,
	TraceFactorKind, TraceFailure, TraceRequestKind, TraceResponseClass, VerificationState
} from '$lib/domain/vocabulary.ts';

export const categoryLabel = (value: ItemCategory) => `records.category.${value}` as const satisfies MessageKey;
export const classLabel = (value: TraceResponseClass) => `records.class.${value}` as const satisfies MessageKey;
export const mechanismLabel = (value: DiversionMechanism) => `records.mechanism.${value}` as const satisfies MessageKey;
export const contextLabel = (value: DocumentationContext) => `records.context.${value}` as const satisfies MessageKey;
export const verificationLabel = (value: VerificationState) => `records.verification.${value}` as const satisfies MessageKey;
export const partyKindLabel = (value: PartyKind) => `records.partyKind.${value}` as const satisfies MessageKey;
export const roleLabel = (value: CasePartyRole) => `records.role.${value}` as const satisfies MessageKey;
export const factorKindLabel = (value: TraceFactorKind) => `records.factorKind.${value}` as const satisfies MessageKey;
export const failureLabel = (value: TraceFailure) => `records.failure.${value}` as const satisfies MessageKey;
export const markingLabel = (value: MarkingState) => `records.marking.${value}` as const satisfies MessageKey;
export const requestKindLabel = (value: TraceRequestKind) => `records.requestKind.${value}` as const satisfies MessageKey;
export const routeStatusLabel = (value: RouteStatus) => `records.routeStatus.${value}` as const satisfies MessageKey;

const factorKeys: Record<string, MessageKey> = {
	formal_refusal: 'records.factor.formal_refusal',
	records_destroyed: 'records.factor.records_destroyed',
	retention_expired: 'records.factor.retention_expired',
	party_no_longer_exists: 'records.factor.party_no_longer_exists',
	records_not_kept: 'records.factor.records_not_kept',
	manufacturer_confirmed: 'records.factor.manufacturer_confirmed',
	manufacture_date_given: 'records.factor.manufacture_date_given',
	recipient_given: 'records.factor.recipient_given',
	delivery_dates_given: 'records.factor.delivery_dates_given',
	quantity_given: 'records.factor.quantity_given',
	intermediaries_given: 'records.factor.intermediaries_given',
	transfer_documents_given: 'records.factor.transfer_documents_given'
};

/** Factor codes are data (atlas.trace_factors): an unknown one shows its code, not nothing. */
export function factorLabel(code: string): MessageKey | null {
	return factorKeys[code] ?? null;
}

/** A link inside the portal that keeps the reader's explicit `?lang=` choice. */
export function recordHref(path: string, url: URL): string {
	const lang = url.searchParams.get('lang');
	return lang ? `${path}?lang=${encodeURIComponent(lang)}` : path;
}

/**
 * A stored date as its source gives it: the day, the month or year only, or "not published"
 * (the stored date is then a placeholder for counting and is never shown).
 */
export function recordDate(t: (key: MessageKey, values?: Record<string, string | number>) => string, date: string, precision: DatePrecision): string {
	switch (precision) {
		case 'unpublished':
			return t('records.date.unpublished');
		case 'year':
			return t('records.approximate', { date: date.slice(0, 4) });
		case 'month':
			return t('records.date.month', { date: date.slice(0, 7) });
		default:
			return date;
	}
}
