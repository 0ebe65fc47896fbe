// What synthetic items look like: types, models and calibres seen in conflict documentation,
// with relative frequencies. Model names are real products; the items are not real.
import type { ItemCategory } from './rows.ts';

export interface ItemKind {
	type: string;
	weight: number;
	models: readonly (readonly [string | null, string | null])[]; // [model, calibre]
}

export const CATEGORY_WEIGHTS: readonly (readonly [ItemCategory, number])[] = [
	['weapon', 35], ['ammunition', 38], ['related', 13], ['ied', 8], ['dual_use', 6]
];

export const ITEM_KINDS: Record<ItemCategory, readonly ItemKind[]> = {
	weapon: [
		{ type: 'assault rifle', weight: 45, models: [['AKM', '7.62 x 39 mm'], ['AK-47', '7.62 x 39 mm'], ['AK-74', '5.45 x 39 mm'], ['Type 56', '7.62 x 39 mm'], ['Type 56-1', '7.62 x 39 mm'], ['M70', '7.62 x 39 mm'], ['G3', '7.62 x 51 mm'], ['M16A2', '5.56 x 45 mm']] },
		{ type: 'machine gun', weight: 12, models: [['PKM', '7.62 x 54R mm'], ['Type 80', '7.62 x 54R mm'], ['DShKM', '12.7 x 108 mm'], ['FN MAG', '7.62 x 51 mm'], ['M84', '7.62 x 54R mm']] },
		{ type: 'pistol', weight: 9, models: [['TT-33', '7.62 x 25 mm'], ['Makarov PM', '9 x 18 mm'], ['Browning Hi-Power', '9 x 19 mm'], ['CZ 75', '9 x 19 mm']] },
		{ type: 'sniper rifle', weight: 5, models: [['SVD', '7.62 x 54R mm'], ['PSL', '7.62 x 54R mm'], ['M76', '7.92 x 57 mm']] },
		{ type: 'rocket launcher', weight: 10, models: [['RPG-7', '40 mm'], ['Type 69', '40 mm']] },
		{ type: 'mortar', weight: 4, models: [['M-37', '82 mm'], ['M-43', '120 mm'], ['Type 63', '60 mm']] },
		{ type: 'rifle', weight: 9, models: [['Mosin-Nagant', '7.62 x 54R mm'], ['SKS', '7.62 x 39 mm'], ['Lee-Enfield', '.303 British']] },
		{ type: 'sub-machine gun', weight: 3, models: [['PPSh-41', '7.62 x 25 mm'], ['Uzi', '9 x 19 mm']] },
		{ type: 'grenade launcher', weight: 2, models: [['GP-25', '40 mm'], ['M203', '40 mm']] },
		{ type: 'heavy machine gun', weight: 1, models: [['KPV', '14.5 x 114 mm'], ['NSV', '12.7 x 108 mm']] }
	],
	ammunition: [
		{ type: 'small-calibre cartridge', weight: 70, models: [[null, '7.62 x 39 mm'], [null, '7.62 x 54R mm'], [null, '5.56 x 45 mm'], [null, '12.7 x 108 mm'], [null, '5.45 x 39 mm'], [null, '9 x 19 mm'], [null, '14.5 x 114 mm']] },
		{ type: 'mortar round', weight: 8, models: [[null, '60 mm'], [null, '81 mm'], [null, '82 mm'], [null, '120 mm']] },
		{ type: 'rocket', weight: 10, models: [['PG-7V', '40 mm'], [null, '107 mm'], [null, '122 mm']] },
		{ type: 'artillery projectile', weight: 4, models: [[null, '122 mm'], [null, '130 mm'], [null, '155 mm']] },
		{ type: 'hand grenade', weight: 8, models: [['F-1', null], ['RGD-5', null], ['M75', null]] }
	],
	related: [
		{ type: 'packaging', weight: 30, models: [[null, null]] },
		{ type: 'ammunition crate', weight: 30, models: [[null, null]] },
		{ type: 'magazine', weight: 25, models: [[null, '7.62 x 39 mm'], [null, '5.56 x 45 mm']] },
		{ type: 'shipping documents', weight: 15, models: [[null, null]] }
	],
	ied: [
		{ type: 'main charge container', weight: 25, models: [[null, null]] },
		{ type: 'pressure-plate switch', weight: 20, models: [[null, null]] },
		{ type: 'radio-controlled switch', weight: 15, models: [[null, null]] },
		{ type: 'detonator', weight: 25, models: [[null, null]] },
		{ type: 'power source', weight: 15, models: [[null, null]] }
	],
	dual_use: [
		{ type: 'fertiliser (ammonium nitrate)', weight: 20, models: [[null, null]] },
		{ type: 'aluminium paste', weight: 15, models: [[null, null]] },
		{ type: 'sorbitol', weight: 5, models: [[null, null]] },
		{ type: 'drone (commercial)', weight: 10, models: [[null, null]] },
		{ type: 'mobile phone', weight: 25, models: [[null, null]] },
		{ type: 'detonating cord', weight: 15, models: [[null, null]] },
		{ type: 'electronic timer', weight: 10, models: [[null, null]] }
	]
};

/** Countries of manufacture for weapons and ammunition; null is "not established". */
export const MADE_IN_WEIGHTS: readonly (readonly [string | null, number])[] = [
	['SUN', 14], ['RUS', 6], ['CHN', 16], ['BGR', 8], ['ROU', 5], ['YUG', 6], ['SRB', 4], ['CSK', 3], ['CZE', 2],
	['USA', 7], ['BEL', 2], ['DEU', 3], ['IRN', 4], ['TUR', 3], ['PRK', 1], ['EGY', 1], ['SDN', 2], ['UKR', 2],
	['POL', 2], ['HUN', 2], ['ITA', 1], ['BRA', 1], ['PAK', 1], ['ISR', 1], [null, 6]
];

export const DUAL_USE_MADE_IN: readonly (readonly [string | null, number])[] = [
	['CHN', 30], ['TUR', 15], ['USA', 8], ['DEU', 6], ['IND', 8], ['ARE', 5], ['IRN', 5], ['FRA', 3], [null, 20]
];

/** Successor states whose requests fail because the producer no longer exists. */
export const DISSOLVED_PRODUCERS: Record<string, string> = {
	SRB: 'YUG', BIH: 'YUG', HRV: 'YUG', MNE: 'YUG', MKD: 'YUG',
	RUS: 'SUN', UKR: 'SUN', BLR: 'SUN', MDA: 'SUN',
	CZE: 'CSK', SVK: 'CSK'
};

export const NAME_PARTS = {
	groupAdjectives: ['Northern', 'Eastern', 'Southern', 'Western', 'United', 'Free', 'Popular', 'Revolutionary', 'Patriotic', 'Highland', 'River', 'Coastal'],
	groupNouns: ['Front', 'Brigade', 'Movement', 'Council', 'Alliance', 'Battalion', 'Coalition', 'Legion'],
	groupTags: ['Alpha', 'Bravo', 'Delta', 'Falcon', 'Cedar', 'Dawn', 'Crescent', 'Star', 'Lion', 'Storm', 'Harvest', 'Iron'],
	companyStems: ['Arvex', 'Boreal', 'Castra', 'Dunmore', 'Eltra', 'Ferrox', 'Galen', 'Halvard', 'Istra', 'Jorvik', 'Kestrel', 'Lumen', 'Marrow', 'Norvik', 'Ostrava', 'Pellan', 'Quorra', 'Rudnik', 'Saxon', 'Teller', 'Ulmar', 'Varden', 'Wexler', 'Zorin'],
	companySuffixes: ['Arms Works', 'Munitions', 'Defence Industries', 'Machine Plant', 'Precision', 'Engineering', 'Ordnance', 'Industrial Group'],
	brokerSuffixes: ['Trading', 'Logistics', 'General Supply', 'Import-Export', 'Holdings']
};
