// The catalogue key of each domain word: one namespace per word list (domain.category.*,
// domain.response.*, ...), so every page and panel names a word the same way and French
// translates it once. Keys are typed: a word the catalogue lacks fails type-checking.
import type { MessageKey } from '$lib/i18n/index.ts';
import type {
	CasePartyRole, DiversionMechanism, DocumentationContext, ItemCategory, MarkingState, PartyKind, ResponseFilter,
	RecordKind, RouteStatus, TraceFactorCode, TraceFactorKind, TraceFailure, TraceRequestKind, VerificationState
} from './vocabulary.ts';
import { TRACE_FACTOR_CODES } from './vocabulary.ts';

export const categoryLabel = (value: ItemCategory) => `domain.category.${value}` as const satisfies MessageKey;
/** A response class, or `none` (the filter's "no response"). */
export const responseLabel = (value: ResponseFilter) => `domain.response.${value}` as const satisfies MessageKey;
export const markingLabel = (value: MarkingState) => `domain.marking.${value}` as const satisfies MessageKey;
export const contextLabel = (value: DocumentationContext) => `domain.context.${value}` as const satisfies MessageKey;
export const verificationLabel = (value: VerificationState) => `domain.verification.${value}` as const satisfies MessageKey;
export const mechanismLabel = (value: DiversionMechanism) => `domain.mechanism.${value}` as const satisfies MessageKey;
export const factorKindLabel = (value: TraceFactorKind) => `domain.factorKind.${value}` as const satisfies MessageKey;
export const failureLabel = (value: TraceFailure) => `domain.failure.${value}` as const satisfies MessageKey;
export const requestKindLabel = (value: TraceRequestKind) => `domain.requestKind.${value}` as const satisfies MessageKey;
export const partyKindLabel = (value: PartyKind) => `domain.partyKind.${value}` as const satisfies MessageKey;
export const caseRoleLabel = (value: CasePartyRole) => `domain.caseRole.${value}` as const satisfies MessageKey;
export const recordKindLabel = (value: RecordKind) => `domain.recordKind.${value}` as const satisfies MessageKey;
export const routeStatusLabel = (value: RouteStatus) => `domain.routeStatus.${value}` as const satisfies MessageKey;

const isFactorCode = (code: string): code is TraceFactorCode => (TRACE_FACTOR_CODES as readonly string[]).includes(code);

/** Factor codes are data (atlas.trace_factors): an unknown one has no key, and shows its code. */
export function factorLabel(code: string): MessageKey | null {
	return isFactorCode(code) ? (`domain.factor.${code}` as const satisfies MessageKey) : null;
}
