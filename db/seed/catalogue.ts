// What synthetic items look like: types, models and calibres seen in conflict documentation,
// with relative frequencies, and for each model the countries, factories and years that
// produced it, so an FN MAG is Belgian and made by FN Herstal, and no AK-74 is dated 1960.
// Model names and factories are real; the items are not.
import type { ItemCategory } from '../../src/lib/domain/vocabulary.ts';

/**
 * Who made a model, where and when. `maker` names the real factory where the model's
 * producer is public knowledge; null means the maker is not named, and a documented item
 * then carries no manufacturer or one of the invented companies of that country.
 */
export interface Producer {
	iso3: string;
	maker: string | null;
	from: number;
	to: number;
	weight: number;
}

export interface Product {
	model: string | null;
	calibre: string | null;
	weight: number;
	/** 'anywhere': packed or printed wherever the consignment was (crates, documents). */
	producers: readonly Producer[] | 'anywhere';
}

export interface ItemKind {
	type: string;
	weight: number;
	models: readonly Product[];
}

export const CATEGORY_WEIGHTS: readonly (readonly [ItemCategory, number])[] = [
	['weapon', 35], ['ammunition', 38], ['related', 13], ['ied', 8], ['dual_use', 6]
];

/** The last year documentation is generated for: "still in production" ends here. */
const NOW = 2021;

// Real producers named where the model's maker is public knowledge.
export const MAKERS = {
	FN: 'FN Herstal', CUGIR: 'Uzina Mecanică Cugir', GIRSAN: 'Girsan',
	IZHMASH: 'Izhevsk Machine-Building Plant (Izhmash)', KALASHNIKOV: 'Kalashnikov Concern (formerly Izhmash)', TULA: 'Tula Arms Plant',
	NORINCO: 'China North Industries Corporation (Norinco)', ARSENAL: 'Arsenal (Kazanlak)',
	ZASTAVA_YU: 'Zavodi Crvena Zastava', ZASTAVA: 'Zastava Arms', PRVI_PARTIZAN: 'Prvi Partizan',
	CZUB: 'Česká zbrojovka Uherský Brod', SELLIER: 'Sellier & Bellot', LUCZNIK: 'Zakłady Metalowe Łucznik', FEG: 'FÉG',
	COLT: "Colt's Manufacturing Company", SPRINGFIELD: 'Springfield Armory', LAKE_CITY: 'Lake City Army Ammunition Plant',
	HK: 'Heckler & Koch', IMI: 'Israel Military Industries', IWI: 'Israel Weapon Industries', STEYR: 'Steyr Mannlicher', GLOCK: 'Glock',
	BERETTA: 'Beretta', MAS: "Manufacture d'armes de Saint-Étienne", POF: 'Pakistan Ordnance Factories', MKE: 'MKEK (Makina ve Kimya Endüstrisi Kurumu)',
	DIO: 'Defense Industries Organization (Iran)', MIC_SUDAN: 'Military Industry Corporation (Sudan)', IMBEL: 'IMBEL', TAURUS: 'Taurus',
	MAADI: 'Maadi Company for Engineering Industries', SIG: 'SIG (Schweizerische Industrie Gesellschaft)', DAEWOO: 'Daewoo Precision Industries',
	ST_KINETICS: 'ST Kinetics', FM: 'Fabricaciones Militares', HS_PRODUKT: 'HS Produkt', IGMAN: 'Igman', FORT: 'RPC Fort', HIRTENBERGER: 'Hirtenberger'
} as const;
const M = MAKERS;

const at = (iso3: string, from: number, to: number, weight = 1, maker: string | null = null): Producer => ({ iso3, maker, from, to, weight });
const model = (name: string | null, calibre: string | null, weight: number, producers: Producer[] | 'anywhere'): Product => ({ model: name, calibre, weight, producers });

const WEAPONS: readonly ItemKind[] = [
	{ type: 'assault rifle', weight: 45, models: [
		model('AKM', '7.62 x 39 mm', 12, [at('SUN', 1959, 1977, 8, M.IZHMASH), at('SUN', 1959, 1977, 2), at('BGR', 1964, 1995, 2, M.ARSENAL), at('POL', 1966, 1990, 1, M.LUCZNIK)]),
		model('AK-47', '7.62 x 39 mm', 6, [at('SUN', 1949, 1959, 8, M.IZHMASH), at('BGR', 1958, 1964, 2, M.ARSENAL), at('POL', 1957, 1965, 1, M.LUCZNIK)]),
		model('AK-74', '5.45 x 39 mm', 4, [at('SUN', 1974, 1991, 8, M.IZHMASH), at('BGR', 1982, 1995, 2, M.ARSENAL)]),
		model('AK-74M', '5.45 x 39 mm', 2, [at('RUS', 1991, NOW, 1, M.KALASHNIKOV)]),
		model('AK-103', '7.62 x 39 mm', 1, [at('RUS', 2001, NOW, 1, M.KALASHNIKOV)]),
		model('AR-M1', '7.62 x 39 mm', 2, [at('BGR', 1998, NOW, 1, M.ARSENAL)]),
		// Norinco markets China's state factories' output since 1980; earlier the maker is not named.
		model('Type 56', '7.62 x 39 mm', 12, [at('CHN', 1956, 1979, 1), at('CHN', 1980, NOW, 2, M.NORINCO)]),
		model('Type 56-1', '7.62 x 39 mm', 5, [at('CHN', 1964, 1979, 1), at('CHN', 1980, NOW, 2, M.NORINCO)]),
		model('Type 81', '7.62 x 39 mm', 2, [at('CHN', 1981, NOW, 1, M.NORINCO)]),
		model('PM md. 63', '7.62 x 39 mm', 2.5, [at('ROU', 1963, 1990, 1, M.CUGIR)]),
		model('PM md. 65', '7.62 x 39 mm', 1.5, [at('ROU', 1965, 1990, 1, M.CUGIR)]),
		model('PM md. 90', '7.62 x 39 mm', 1, [at('ROU', 1990, NOW, 1, M.CUGIR)]),
		model('Zastava M70', '7.62 x 39 mm', 5, [at('YUG', 1970, 1991, 3, M.ZASTAVA_YU), at('SRB', 1992, NOW, 1, M.ZASTAVA)]),
		model('AMD-65', '7.62 x 39 mm', 1, [at('HUN', 1965, 1980, 1, M.FEG)]),
		model('MPi-KM', '7.62 x 39 mm', 1.5, [at('DDR', 1966, 1990, 1)]),
		model('vz. 58', '7.62 x 39 mm', 1.5, [at('CSK', 1959, 1984, 1)]),
		model('Type 58', '7.62 x 39 mm', 0.3, [at('PRK', 1958, 1980, 1)]),
		model('ASH-78', '7.62 x 39 mm', 0.5, [at('ALB', 1978, 1990, 1)]),
		model('Misr', '7.62 x 39 mm', 0.5, [at('EGY', 1970, 2010, 1, M.MAADI)]),
		model('KL-7.62', '7.62 x 39 mm', 1, [at('IRN', 1990, NOW, 1, M.DIO)]),
		model('G3', '7.62 x 51 mm', 4, [at('DEU', 1959, 1995, 3, M.HK), at('PAK', 1968, NOW, 2, M.POF), at('IRN', 1970, NOW, 2, M.DIO), at('TUR', 1967, 2010, 2, M.MKE), at('SAU', 1970, 2000, 0.5), at('PRT', 1961, 1985, 0.5), at('GRC', 1977, 2004, 0.5)]),
		// Licensed FALs (Argentina, Brazil, Austria) carry their own designations; FN FAL is Belgian.
		model('FN FAL', '7.62 x 51 mm', 2, [at('BEL', 1953, 1990, 1, M.FN)]),
		model('AR-10', '7.62 x 51 mm', 0.1, [at('NLD', 1957, 1960, 1)]),
		model('CETME C', '7.62 x 51 mm', 0.2, [at('ESP', 1964, 1990, 1)]),
		model('L1A1', '7.62 x 51 mm', 0.2, [at('GBR', 1954, 1985, 1)]),
		model('M16A1', '5.56 x 45 mm', 1, [at('USA', 1967, 1985, 1, M.COLT)]),
		model('M16A2', '5.56 x 45 mm', 1.5, [at('USA', 1983, 2010, 1, M.COLT)]),
		model('M4', '5.56 x 45 mm', 1, [at('USA', 1994, NOW, 1, M.COLT)]),
		model('C7', '5.56 x 45 mm', 0.1, [at('CAN', 1984, NOW, 1)]),
		// Israel Military Industries' small-arms division became Israel Weapon Industries in 2005.
		model('Galil', '5.56 x 45 mm', 0.5, [at('ISR', 1972, 2005, 1, M.IMI), at('ISR', 2005, NOW, 0.5, M.IWI)]),
		model('Tavor', '5.56 x 45 mm', 0.2, [at('ISR', 2001, 2005, 0.5, M.IMI), at('ISR', 2005, NOW, 1, M.IWI)]),
		model('R4', '5.56 x 45 mm', 0.3, [at('ZAF', 1980, 2005, 1)]),
		model('K2', '5.56 x 45 mm', 0.2, [at('KOR', 1984, NOW, 1, M.DAEWOO)]),
		model('SAR 21', '5.56 x 45 mm', 0.1, [at('SGP', 1999, NOW, 1, M.ST_KINETICS)]),
		model('Steyr AUG', '5.56 x 45 mm', 0.3, [at('AUT', 1978, NOW, 1, M.STEYR)]),
		model('SG 540', '5.56 x 45 mm', 0.2, [at('CHE', 1977, 1990, 1, M.SIG)]),
		model('SG 550', '5.56 x 45 mm', 0.1, [at('CHE', 1986, NOW, 1, M.SIG)]),
		model('HK G36', '5.56 x 45 mm', 0.3, [at('DEU', 1996, NOW, 1, M.HK)]),
		model('FAMAS', '5.56 x 45 mm', 0.2, [at('FRA', 1978, 2001, 1, M.MAS)]),
		model('AR70/90', '5.56 x 45 mm', 0.2, [at('ITA', 1990, NOW, 1, M.BERETTA)]),
		model('wz. 96 Beryl', '5.56 x 45 mm', 0.2, [at('POL', 1997, NOW, 1, M.LUCZNIK)]),
		model('CZ 805 BREN', '5.56 x 45 mm', 0.1, [at('CZE', 2009, NOW, 1, M.CZUB)]),
		model('VHS', '5.56 x 45 mm', 0.1, [at('HRV', 2008, NOW, 1, M.HS_PRODUKT)]),
		model('IA2', '5.56 x 45 mm', 0.1, [at('BRA', 2012, NOW, 1, M.IMBEL)])
	] },
	{ type: 'machine gun', weight: 12, models: [
		model('PKM', '7.62 x 54R mm', 10, [at('SUN', 1969, 1991, 3), at('RUS', 1992, NOW, 1)]),
		model('Type 80', '7.62 x 54R mm', 4, [at('CHN', 1980, NOW, 1, M.NORINCO)]),
		model('Zastava M84', '7.62 x 54R mm', 2, [at('YUG', 1984, 1991, 1, M.ZASTAVA_YU), at('SRB', 1992, NOW, 1, M.ZASTAVA)]),
		model('RPK', '7.62 x 39 mm', 2, [at('SUN', 1961, 1991, 1)]),
		model('DShKM', '12.7 x 108 mm', 3, [at('SUN', 1946, 1980, 1)]),
		model('Type 54', '12.7 x 108 mm', 1, [at('CHN', 1954, 1979, 1), at('CHN', 1980, NOW, 1, M.NORINCO)]),
		model('FN MAG', '7.62 x 51 mm', 2, [at('BEL', 1958, NOW, 1, M.FN)]),
		model('FN Minimi', '5.56 x 45 mm', 0.5, [at('BEL', 1982, NOW, 1, M.FN)]),
		model('MG3', '7.62 x 51 mm', 0.5, [at('DEU', 1959, NOW, 1)]),
		model('M60', '7.62 x 51 mm', 0.5, [at('USA', 1957, 2000, 1)]),
		model('Negev', '5.56 x 45 mm', 0.2, [at('ISR', 1997, 2005, 0.5, M.IMI), at('ISR', 2005, NOW, 1, M.IWI)]),
		model('Bren', '.303 British', 0.3, [at('GBR', 1937, 1958, 1)])
	] },
	{ type: 'pistol', weight: 9, models: [
		model('TT-33', '7.62 x 25 mm', 3, [at('SUN', 1930, 1954, 1, M.TULA)]),
		model('Type 54 pistol', '7.62 x 25 mm', 2, [at('CHN', 1954, 1979, 1), at('CHN', 1980, 2000, 1, M.NORINCO)]),
		model('Zastava M57', '7.62 x 25 mm', 1, [at('YUG', 1957, 1991, 1, M.ZASTAVA_YU), at('SRB', 1992, NOW, 0.5, M.ZASTAVA)]),
		model('Makarov PM', '9 x 18 mm', 3, [at('SUN', 1951, 1991, 3), at('RUS', 1992, 2010, 1), at('BGR', 1970, 2010, 1, M.ARSENAL)]),
		model('Type 59 pistol', '9 x 18 mm', 0.5, [at('CHN', 1959, 1979, 1)]),
		model('PA-63', '9 x 18 mm', 0.5, [at('HUN', 1963, 1990, 1, M.FEG)]),
		model('Browning Hi-Power', '9 x 19 mm', 2, [at('BEL', 1935, 2017, 3, M.FN), at('ARG', 1969, 1990, 1, M.FM)]),
		model('CZ 75', '9 x 19 mm', 1.5, [at('CSK', 1975, 1992, 1), at('CZE', 1993, NOW, 1, M.CZUB)]),
		model('Glock 17', '9 x 19 mm', 1.5, [at('AUT', 1982, NOW, 1, M.GLOCK)]),
		model('Beretta 92', '9 x 19 mm', 1, [at('ITA', 1975, NOW, 1, M.BERETTA)]),
		model('Taurus PT92', '9 x 19 mm', 0.5, [at('BRA', 1983, NOW, 1, M.TAURUS)]),
		model('Yavuz 16', '9 x 19 mm', 0.5, [at('TUR', 2002, NOW, 1, M.GIRSAN)]),
		model('HS2000', '9 x 19 mm', 0.3, [at('HRV', 1999, NOW, 1, M.HS_PRODUKT)]),
		model('Fort-12', '9 x 18 mm', 0.3, [at('UKR', 1995, NOW, 1, M.FORT)]),
		model('M1911', '.45 ACP', 0.5, [at('USA', 1911, 1970, 1, M.COLT), at('USA', 1911, 1945, 1)])
	] },
	{ type: 'sniper rifle', weight: 5, models: [
		model('SVD', '7.62 x 54R mm', 6, [at('SUN', 1963, 1991, 3, M.IZHMASH), at('RUS', 1992, NOW, 1, M.KALASHNIKOV)]),
		model('NDM-86', '7.62 x 54R mm', 1, [at('CHN', 1986, NOW, 1, M.NORINCO)]),
		model('Nakhjir', '7.62 x 54R mm', 0.5, [at('IRN', 1995, NOW, 1, M.DIO)]),
		model('PSL', '7.62 x 54R mm', 2, [at('ROU', 1974, NOW, 1, M.CUGIR)]),
		model('Zastava M76', '7.92 x 57 mm', 1, [at('YUG', 1976, 1991, 1, M.ZASTAVA_YU), at('SRB', 1992, NOW, 0.5, M.ZASTAVA)]),
		model('Zastava M91', '7.62 x 54R mm', 0.5, [at('SRB', 1992, NOW, 1, M.ZASTAVA)])
	] },
	{ type: 'rocket launcher', weight: 10, models: [
		model('RPG-7', '40 mm', 8, [at('SUN', 1961, 1991, 4), at('RUS', 1992, NOW, 1), at('BGR', 1970, NOW, 2, M.ARSENAL), at('ROU', 1970, NOW, 1), at('IRN', 1985, NOW, 1)]),
		model('Type 69', '40 mm', 3, [at('CHN', 1969, 1979, 1), at('CHN', 1980, NOW, 2, M.NORINCO)]),
		model('M72 LAW', '66 mm', 0.5, [at('USA', 1963, NOW, 1)]),
		model('AT4', '84 mm', 0.3, [at('SWE', 1984, NOW, 1)]),
		model('C-90', '90 mm', 0.3, [at('ESP', 1990, NOW, 1)]),
		model('RPG-75', '68 mm', 0.3, [at('CSK', 1975, 1990, 1)])
	] },
	{ type: 'mortar', weight: 4, models: [
		model('82-BM-37', '82 mm', 2, [at('SUN', 1937, 1945, 1)]),
		model('120-PM-43', '120 mm', 2, [at('SUN', 1943, 1960, 1)]),
		model('Type 63 mortar', '60 mm', 2, [at('CHN', 1963, 2000, 1)]),
		model('L16', '81 mm', 0.5, [at('GBR', 1965, NOW, 1)]),
		model('M252', '81 mm', 0.5, [at('USA', 1987, NOW, 1)])
	] },
	{ type: 'rifle', weight: 9, models: [
		model('Mosin-Nagant', '7.62 x 54R mm', 3, [at('SUN', 1930, 1945, 2, M.TULA), at('SUN', 1930, 1948, 1)]),
		model('SKS', '7.62 x 39 mm', 3, [at('SUN', 1949, 1958, 1, M.TULA)]),
		model('Type 56 carbine', '7.62 x 39 mm', 2, [at('CHN', 1956, 1979, 1), at('CHN', 1980, 1990, 0.5, M.NORINCO)]),
		model('Zastava M59/66', '7.62 x 39 mm', 0.5, [at('YUG', 1959, 1975, 1, M.ZASTAVA_YU)]),
		model('Lee-Enfield', '.303 British', 2, [at('GBR', 1907, 1955, 2), at('IND', 1907, 1985, 1)]),
		model('Kar98k', '7.92 x 57 mm', 1, [at('DEU', 1935, 1945, 1)]),
		model('Zastava M48', '7.92 x 57 mm', 0.5, [at('YUG', 1950, 1965, 1, M.ZASTAVA_YU)]),
		model('M1 Garand', '.30-06 Springfield', 0.5, [at('USA', 1937, 1957, 1, M.SPRINGFIELD)])
	] },
	{ type: 'sub-machine gun', weight: 3, models: [
		model('PPSh-41', '7.62 x 25 mm', 2, [at('SUN', 1941, 1947, 1)]),
		model('Uzi', '9 x 19 mm', 1.5, [at('ISR', 1954, 2005, 1, M.IMI), at('ISR', 2005, NOW, 0.5, M.IWI)]),
		model('MP5', '9 x 19 mm', 1, [at('DEU', 1966, NOW, 2, M.HK), at('PAK', 1990, NOW, 1, M.POF)]),
		model('vz. 61 Škorpion', '7.65 x 17 mm', 0.5, [at('CSK', 1961, 1992, 1)]),
		model('Beretta M12', '9 x 19 mm', 0.3, [at('ITA', 1961, 2000, 1, M.BERETTA)])
	] },
	{ type: 'grenade launcher', weight: 2, models: [
		model('GP-25', '40 mm', 2, [at('SUN', 1978, 1991, 1), at('RUS', 1992, NOW, 1)]),
		model('M203', '40 mm', 1, [at('USA', 1969, NOW, 1, M.COLT)])
	] },
	{ type: 'heavy machine gun', weight: 1, models: [
		model('KPV', '14.5 x 114 mm', 2, [at('SUN', 1949, 1991, 1)]),
		model('NSV', '12.7 x 108 mm', 1, [at('SUN', 1971, 1991, 1)]),
		model('M2 Browning', '12.7 x 99 mm', 1, [at('USA', 1933, NOW, 2), at('BEL', 1980, NOW, 1, M.FN)])
	] }
];

// Ammunition: who produced each calibre, and when. Makers are left unnamed (invented
// companies of the right country) except where one factory is the country's known producer.
const SOVIET_CALIBRE = (from: number): Producer[] => [at('SUN', from, 1991, 6), at('RUS', 1992, NOW, 2)];
const AMMUNITION: readonly ItemKind[] = [
	{ type: 'small-calibre cartridge', weight: 70, models: [
		model(null, '7.62 x 39 mm', 30, [...SOVIET_CALIBRE(1949), at('CHN', 1956, NOW, 6), at('BGR', 1958, NOW, 3, M.ARSENAL), at('ROU', 1960, NOW, 2),
			at('YUG', 1950, 1991, 2), at('SRB', 1992, NOW, 1, M.PRVI_PARTIZAN), at('BIH', 1996, NOW, 1, M.IGMAN), at('CSK', 1950, 1992, 1), at('CZE', 1993, NOW, 1, M.SELLIER),
			at('POL', 1958, NOW, 1), at('HUN', 1955, 1990, 0.5), at('DDR', 1960, 1990, 0.5), at('EGY', 1960, NOW, 0.5), at('IRN', 1980, NOW, 1), at('PRK', 1958, NOW, 0.3),
			at('SDN', 2000, NOW, 1, M.MIC_SUDAN), at('UKR', 1992, 2014, 1), at('ALB', 1960, 1990, 0.5)]),
		model(null, '7.62 x 54R mm', 15, [...SOVIET_CALIBRE(1930), at('CHN', 1953, NOW, 3), at('BGR', 1955, NOW, 2), at('ROU', 1960, NOW, 1), at('YUG', 1950, 1991, 1),
			at('SRB', 1992, NOW, 1, M.PRVI_PARTIZAN), at('BIH', 1996, NOW, 0.5, M.IGMAN), at('CSK', 1950, 1992, 0.5), at('CZE', 1993, NOW, 0.5, M.SELLIER), at('POL', 1950, NOW, 0.5),
			at('IRN', 1990, NOW, 0.5), at('SDN', 2000, NOW, 1, M.MIC_SUDAN), at('UKR', 1992, 2014, 0.5), at('EGY', 1960, NOW, 0.3)]),
		model(null, '5.45 x 39 mm', 5, [...SOVIET_CALIBRE(1974), at('BGR', 1982, NOW, 1), at('ROU', 1986, NOW, 0.5), at('DDR', 1983, 1990, 0.3), at('UKR', 1992, 2014, 0.5)]),
		model(null, '12.7 x 108 mm', 10, [...SOVIET_CALIBRE(1938), at('CHN', 1954, NOW, 3), at('BGR', 1960, NOW, 1), at('ROU', 1970, NOW, 0.5), at('YUG', 1960, 1991, 0.5),
			at('SRB', 1992, NOW, 0.5), at('IRN', 1985, NOW, 1), at('PRK', 1960, NOW, 0.3), at('SDN', 2000, NOW, 1, M.MIC_SUDAN), at('EGY', 1965, NOW, 0.3)]),
		model(null, '14.5 x 114 mm', 4, [...SOVIET_CALIBRE(1941), at('CHN', 1956, NOW, 2), at('BGR', 1965, NOW, 0.5), at('IRN', 1990, NOW, 0.5), at('EGY', 1970, NOW, 0.3)]),
		model(null, '5.56 x 45 mm', 8, [at('USA', 1963, NOW, 3, M.LAKE_CITY), at('BEL', 1980, NOW, 1), at('DEU', 1980, NOW, 1), at('GBR', 1985, NOW, 0.5), at('CHE', 1985, NOW, 0.5),
			at('AUT', 1980, NOW, 0.5), at('ESP', 1985, NOW, 0.3), at('SWE', 1986, NOW, 0.3), at('KOR', 1980, NOW, 0.5), at('SGP', 1975, NOW, 0.3), at('ISR', 1975, NOW, 0.5),
			at('TUR', 1995, NOW, 0.5, M.MKE), at('BRA', 1980, NOW, 0.3), at('ZAF', 1980, NOW, 0.3), at('CAN', 1984, NOW, 0.3), at('BGR', 1995, NOW, 0.5), at('SRB', 1995, NOW, 0.5, M.PRVI_PARTIZAN),
			at('CZE', 1993, NOW, 0.3, M.SELLIER), at('POL', 1997, NOW, 0.3), at('CHN', 1990, NOW, 0.5), at('PAK', 1990, NOW, 0.3, M.POF), at('FRA', 1980, 2000, 0.3), at('ITA', 1990, NOW, 0.3)]),
		model(null, '7.62 x 51 mm', 6, [at('USA', 1954, NOW, 2, M.LAKE_CITY), at('BEL', 1955, NOW, 1), at('DEU', 1959, NOW, 1), at('GBR', 1955, NOW, 0.5), at('ITA', 1960, NOW, 0.5),
			at('ESP', 1958, NOW, 0.3), at('PRT', 1961, 1995, 0.3), at('GRC', 1977, NOW, 0.3), at('TUR', 1960, NOW, 1, M.MKE), at('PAK', 1960, NOW, 1, M.POF), at('IRN', 1970, NOW, 1),
			at('SAU', 1970, NOW, 0.3), at('BRA', 1960, NOW, 0.3), at('ARG', 1960, NOW, 0.3), at('NLD', 1955, 1995, 0.2), at('CHE', 1960, NOW, 0.2), at('AUT', 1960, NOW, 0.2),
			at('SWE', 1960, NOW, 0.2), at('FIN', 1960, NOW, 0.2), at('NOR', 1960, NOW, 0.2), at('ZAF', 1960, NOW, 0.3), at('NGA', 1970, NOW, 0.3), at('KOR', 1970, NOW, 0.2),
			at('ISR', 1960, NOW, 0.2), at('SRB', 1995, NOW, 0.3, M.PRVI_PARTIZAN), at('CHN', 1980, NOW, 0.3), at('BGR', 1990, NOW, 0.3), at('CZE', 1993, NOW, 0.2, M.SELLIER)]),
		model(null, '9 x 19 mm', 4, [at('BEL', 1935, NOW, 0.5), at('DEU', 1950, NOW, 0.5), at('ITA', 1950, NOW, 0.5), at('AUT', 1960, NOW, 0.3), at('CHE', 1960, NOW, 0.2),
			at('CZE', 1993, NOW, 0.5, M.SELLIER), at('CSK', 1950, 1992, 0.3), at('USA', 1980, NOW, 0.5), at('BRA', 1970, NOW, 0.5), at('ISR', 1960, NOW, 0.3), at('TUR', 1970, NOW, 0.5, M.MKE),
			at('SRB', 1992, NOW, 0.5, M.PRVI_PARTIZAN), at('YUG', 1960, 1991, 0.3), at('BGR', 1990, NOW, 0.3), at('CHN', 1980, NOW, 0.3), at('ESP', 1950, NOW, 0.2), at('GBR', 1950, NOW, 0.2), at('PAK', 1980, NOW, 0.2, M.POF)]),
		model(null, '9 x 18 mm', 1, [...SOVIET_CALIBRE(1951), at('CHN', 1959, NOW, 1), at('BGR', 1970, NOW, 0.5), at('DDR', 1958, 1990, 0.3), at('UKR', 1992, 2014, 0.3)]),
		model(null, '7.62 x 25 mm', 1, [at('SUN', 1930, 1960, 2), at('CHN', 1951, 2000, 1), at('YUG', 1957, 1991, 0.5), at('CSK', 1950, 1970, 0.3)]),
		model(null, '12.7 x 99 mm', 1, [at('USA', 1933, NOW, 2, M.LAKE_CITY), at('BEL', 1960, NOW, 0.5), at('GBR', 1960, NOW, 0.3), at('KOR', 1980, NOW, 0.3), at('TUR', 1980, NOW, 0.3, M.MKE), at('PAK', 1980, NOW, 0.3, M.POF)]),
		model(null, '7.92 x 57 mm', 0.5, [at('DEU', 1905, 1945, 1), at('YUG', 1948, 1991, 1), at('SRB', 1992, NOW, 0.5, M.PRVI_PARTIZAN)]),
		model(null, '.303 British', 0.5, [at('GBR', 1889, 1975, 2), at('IND', 1907, 1990, 1), at('PAK', 1950, 1990, 0.5, M.POF)])
	] },
	{ type: 'mortar round', weight: 8, models: [
		model(null, '60 mm', 1, [at('CHN', 1963, NOW, 2), at('SRB', 1992, NOW, 1), at('YUG', 1960, 1991, 0.5), at('BGR', 1990, NOW, 0.5), at('AUT', 1980, NOW, 0.3, M.HIRTENBERGER),
			at('IRN', 1990, NOW, 0.5), at('ISR', 1970, NOW, 0.3), at('KOR', 1980, NOW, 0.3), at('ZAF', 1980, NOW, 0.3), at('USA', 1950, NOW, 0.3)]),
		model(null, '81 mm', 1, [at('USA', 1950, NOW, 0.5), at('GBR', 1965, NOW, 0.5), at('BEL', 1960, NOW, 0.5), at('AUT', 1980, NOW, 0.5, M.HIRTENBERGER), at('ESP', 1970, NOW, 0.3),
			at('FRA', 1960, NOW, 0.3), at('ITA', 1960, NOW, 0.3), at('ISR', 1970, NOW, 0.3), at('KOR', 1980, NOW, 0.3), at('ZAF', 1980, NOW, 0.3), at('PAK', 1970, NOW, 0.5, M.POF),
			at('TUR', 1970, NOW, 0.5, M.MKE), at('CHE', 1970, NOW, 0.2), at('GRC', 1980, NOW, 0.2), at('SRB', 1992, NOW, 0.5), at('BGR', 1990, NOW, 0.3)]),
		model(null, '82 mm', 3, [...SOVIET_CALIBRE(1937), at('CHN', 1953, NOW, 2), at('BGR', 1960, NOW, 1), at('ROU', 1965, NOW, 0.5), at('YUG', 1960, 1991, 1), at('SRB', 1992, NOW, 1),
			at('BIH', 1996, NOW, 0.5), at('CSK', 1960, 1992, 0.3), at('SVK', 1993, NOW, 0.3), at('IRN', 1985, NOW, 1), at('PRK', 1960, NOW, 0.3), at('EGY', 1970, NOW, 0.3), at('SDN', 2000, NOW, 0.5, M.MIC_SUDAN), at('UKR', 1992, 2014, 0.3)]),
		model(null, '120 mm', 2, [...SOVIET_CALIBRE(1943), at('CHN', 1960, NOW, 1), at('BGR', 1970, NOW, 1), at('YUG', 1960, 1991, 0.5), at('SRB', 1992, NOW, 1), at('BIH', 1996, NOW, 0.5),
			at('SVK', 1993, NOW, 0.5), at('IRN', 1985, NOW, 0.5), at('FRA', 1960, NOW, 0.3), at('ISR', 1970, NOW, 0.3), at('AUT', 1980, NOW, 0.3, M.HIRTENBERGER), at('TUR', 1980, NOW, 0.3, M.MKE),
			at('ESP', 1980, NOW, 0.2), at('USA', 1990, NOW, 0.2), at('PAK', 1980, NOW, 0.3, M.POF)])
	] },
	{ type: 'rocket', weight: 10, models: [
		model('PG-7V', '40 mm', 6, [...SOVIET_CALIBRE(1961), at('BGR', 1970, NOW, 2, M.ARSENAL), at('ROU', 1975, NOW, 1), at('IRN', 1985, NOW, 0.5)]),
		model('Type 69 grenade', '40 mm', 2, [at('CHN', 1969, NOW, 1)]),
		model(null, '107 mm', 1, [at('CHN', 1963, NOW, 2), at('IRN', 1985, NOW, 1), at('TUR', 1990, NOW, 0.3), at('PRK', 1970, NOW, 0.3)]),
		model(null, '122 mm', 1.5, [...SOVIET_CALIBRE(1963), at('CHN', 1970, NOW, 1), at('ROU', 1975, NOW, 0.5), at('EGY', 1975, NOW, 0.5), at('IRN', 1985, NOW, 0.5), at('SRB', 1992, NOW, 0.5), at('BGR', 1970, NOW, 0.3)])
	] },
	{ type: 'artillery projectile', weight: 4, models: [
		model(null, '122 mm', 2, [...SOVIET_CALIBRE(1938), at('CHN', 1960, NOW, 1), at('BGR', 1965, NOW, 0.5), at('EGY', 1970, NOW, 0.3), at('IRN', 1985, NOW, 0.3), at('YUG', 1965, 1991, 0.3), at('SRB', 1992, NOW, 0.3)]),
		model(null, '130 mm', 1, [at('SUN', 1954, 1991, 3), at('CHN', 1960, NOW, 1), at('IRN', 1990, NOW, 0.5), at('PRK', 1970, NOW, 0.3)]),
		model(null, '155 mm', 1, [at('USA', 1945, NOW, 1), at('ITA', 1970, NOW, 0.5), at('DEU', 1970, NOW, 0.5), at('FRA', 1970, NOW, 0.5), at('GBR', 1970, NOW, 0.3), at('BEL', 1970, NOW, 0.3),
			at('ZAF', 1980, NOW, 0.3), at('KOR', 1980, NOW, 0.3), at('PAK', 1980, NOW, 0.3, M.POF), at('ESP', 1980, NOW, 0.2), at('TUR', 1990, NOW, 0.3, M.MKE)])
	] },
	{ type: 'hand grenade', weight: 8, models: [
		model('F-1', null, 3, [at('SUN', 1941, 1991, 1)]),
		model('RGD-5', null, 3, [at('SUN', 1954, 1991, 3), at('RUS', 1992, NOW, 1), at('BGR', 1965, NOW, 1, M.ARSENAL)]),
		model('M75', null, 2, [at('YUG', 1975, 1991, 2), at('SRB', 1992, NOW, 1), at('BIH', 1996, NOW, 0.5)]),
		model('Type 82-2', null, 1, [at('CHN', 1982, NOW, 1)]),
		model('HG 85', null, 0.3, [at('CHE', 1985, 2010, 1)]),
		model('M67', null, 0.5, [at('USA', 1968, NOW, 1)])
	] }
];

const anywhere = 'anywhere' as const;
/** Magazines come from the countries that made rifles of their calibre. */
const magazineMakers = (calibre: string): Producer[] => {
	const seen = new Map<string, Producer>();
	for (const kind of WEAPONS) for (const m of kind.models) {
		if (m.calibre !== calibre || m.producers === anywhere) continue;
		for (const p of m.producers) {
			const known = seen.get(p.iso3);
			seen.set(p.iso3, known ? { ...known, from: Math.min(known.from, p.from), to: Math.max(known.to, p.to), weight: known.weight + p.weight * m.weight } : { ...p, maker: null, weight: p.weight * m.weight });
		}
	}
	return [...seen.values()];
};

export const ITEM_KINDS: Record<ItemCategory, readonly ItemKind[]> = {
	weapon: WEAPONS,
	ammunition: AMMUNITION,
	related: [
		{ type: 'packaging', weight: 30, models: [model(null, null, 1, anywhere)] },
		{ type: 'ammunition crate', weight: 30, models: [model(null, null, 1, anywhere)] },
		{ type: 'magazine', weight: 25, models: [model(null, '7.62 x 39 mm', 3, magazineMakers('7.62 x 39 mm')), model(null, '5.56 x 45 mm', 1, magazineMakers('5.56 x 45 mm'))] },
		{ type: 'shipping documents', weight: 15, models: [model(null, null, 1, anywhere)] }
	],
	// Improvised parts are made where they are found: no country of manufacture is established.
	ied: [
		{ type: 'main charge container', weight: 25, models: [model(null, null, 1, [])] },
		{ type: 'pressure-plate switch', weight: 20, models: [model(null, null, 1, [])] },
		{ type: 'radio-controlled switch', weight: 15, models: [model(null, null, 1, [at('CHN', 1990, NOW, 1)])] },
		{ type: 'detonator', weight: 25, models: [model(null, null, 1, [at('CHN', 1970, NOW, 3), at('IND', 1970, NOW, 2), at('TUR', 1970, NOW, 1), at('IRN', 1980, NOW, 1), at('PAK', 1970, NOW, 1)])] },
		{ type: 'power source', weight: 15, models: [model(null, null, 1, [at('CHN', 1980, NOW, 4), at('KOR', 1980, NOW, 1), at('IND', 1980, NOW, 1)])] }
	],
	dual_use: [
		{ type: 'fertiliser (ammonium nitrate)', weight: 20, models: [model(null, null, 1, [at('PAK', 1970, NOW, 3), at('CHN', 1970, NOW, 2), at('TUR', 1970, NOW, 2), at('IRN', 1970, NOW, 1), at('EGY', 1970, NOW, 1), at('UKR', 1992, NOW, 1), at('RUS', 1992, NOW, 1)])] },
		{ type: 'aluminium paste', weight: 15, models: [model(null, null, 1, [at('CHN', 1980, NOW, 3), at('IND', 1980, NOW, 2), at('TUR', 1980, NOW, 1), at('DEU', 1970, NOW, 1)])] },
		{ type: 'sorbitol', weight: 5, models: [model(null, null, 1, [at('FRA', 1970, NOW, 1), at('DEU', 1970, NOW, 1), at('CHN', 1980, NOW, 2), at('IND', 1980, NOW, 1), at('TUR', 1980, NOW, 1)])] },
		{ type: 'drone (commercial)', weight: 10, models: [model(null, null, 1, [at('CHN', 2010, NOW, 6), at('FRA', 2010, NOW, 1), at('USA', 2012, NOW, 1)])] },
		{ type: 'mobile phone', weight: 25, models: [model(null, null, 1, [at('CHN', 1995, NOW, 6), at('KOR', 1995, NOW, 1), at('IND', 2005, NOW, 1), at('FIN', 1995, 2012, 1)])] },
		{ type: 'detonating cord', weight: 15, models: [model(null, null, 1, [at('CHN', 1970, NOW, 3), at('IND', 1970, NOW, 2), at('TUR', 1970, NOW, 1), at('RUS', 1992, NOW, 1)])] },
		{ type: 'electronic timer', weight: 10, models: [model(null, null, 1, [at('CHN', 1980, NOW, 5), at('TUR', 1990, NOW, 1)])] }
	]
};

/** Pistols with a polymer frame. */
export const POLYMER_FRAMES: ReadonlySet<string> = new Set(['Glock 17', 'HS2000']);

/** Share of weapons and ammunition whose country of manufacture is not established. */
export const ORIGIN_UNKNOWN_SHARE = 0.06;
/** Share of dual-use goods and IED parts whose country of manufacture is not established. */
export const DUAL_USE_ORIGIN_UNKNOWN_SHARE = 0.2;

/**
 * Where Islamic State held ground (approximate boxes, lon/lat: west, south, east, north):
 * Anbar and the Euphrates valley, Salah ad-Din and Hawija, Nineveh without Dohuk and Erbil;
 * in Syria the east (Raqqa, Deir ez-Zor, Palmyra, al-Bab, Manbij) but not Aleppo city or the
 * west. Its years: Iraq 2014-2017 (Mosul retaken in 2017), Syria 2014-2019 (Baghuz).
 */
export const ISLAMIC_STATE_AREAS: Record<string, { years: readonly [number, number]; share: number; boxes: readonly (readonly [number, number, number, number])[] }> = {
	IRQ: { years: [2014, 2017], share: 0.5, boxes: [[38.8, 32.0, 43.9, 34.8], [43.3, 34.0, 44.2, 35.6], [41.3, 35.6, 43.6, 36.6]] },
	SYR: { years: [2014, 2019], share: 0.4, boxes: [[37.4, 33.4, 42.5, 37.0]] }
};

export function inIslamicStateArea(iso3: string, lon: number, lat: number): boolean {
	return (ISLAMIC_STATE_AREAS[iso3]?.boxes ?? []).some(([w, s, e, n]) => lon >= w && lon <= e && lat >= s && lat <= n);
}

/** Countries where crates, packaging and documents were packed or printed. */
export const PACKING_COUNTRIES: readonly (readonly [string, number])[] = [
	['SUN', 14], ['RUS', 6], ['CHN', 16], ['BGR', 8], ['ROU', 5], ['YUG', 6], ['SRB', 4], ['CSK', 3], ['CZE', 2],
	['USA', 7], ['BEL', 2], ['DEU', 3], ['IRN', 4], ['TUR', 3], ['PRK', 1], ['EGY', 1], ['SDN', 2], ['UKR', 2],
	['POL', 2], ['HUN', 2], ['ITA', 1], ['BRA', 1], ['PAK', 1], ['ISR', 1]
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
