// MapLayer honours later changes to its layer, each through its narrowest setter, and never
// removes and re-adds it: driven on /dev/map-layer (served with ATLAS_DEV_PAGES=1).
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';

interface LayerState {
	same: boolean;
	color: unknown;
	opacity: unknown;
	radius: unknown;
	filter: unknown;
	minzoom: number | undefined;
	maxzoom: number | undefined;
	order: string[];
}

async function open(page: Page) {
	await page.goto('/dev/map-layer');
	await expect(page.getByTestId('map-layer-stage')).toHaveAttribute('data-ready', 'true');
	await page.waitForFunction(() => {
		const hook = (window as never as { __mapLayerTest?: { map: { getLayer(id: string): unknown } } }).__mapLayerTest;
		return Boolean(hook?.map.getLayer('lifecycle-test'));
	});
	// The layer object MapLibre holds now: a remove-and-re-add would replace it.
	await page.evaluate(() => {
		const w = window as never as { __mapLayerTest: { map: { getLayer(id: string): unknown } }; __firstLayer: unknown };
		w.__firstLayer = w.__mapLayerTest.map.getLayer('lifecycle-test');
	});
}

async function change(page: Page, patch: object): Promise<LayerState> {
	await page.evaluate((p) => (window as never as { __mapLayerTest: { set(p: object): void } }).__mapLayerTest.set(p), patch);
	return read(page);
}

/** The layer as MapLibre holds it, after Svelte has run its effects. */
async function read(page: Page): Promise<LayerState> {
	return page.evaluate(async () => {
		await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
		type Map = {
			getLayer(id: string): { minzoom?: number; maxzoom?: number } | undefined;
			getPaintProperty(id: string, name: string): unknown;
			getFilter(id: string): unknown;
			getStyle(): { layers: { id: string }[] };
		};
		const w = window as never as { __mapLayerTest: { map: Map }; __firstLayer: unknown };
		const map = w.__mapLayerTest.map;
		const layer = map.getLayer('lifecycle-test');
		return {
			same: layer === w.__firstLayer,
			color: map.getPaintProperty('lifecycle-test', 'circle-color'),
			opacity: map.getPaintProperty('lifecycle-test', 'circle-opacity'),
			radius: map.getPaintProperty('lifecycle-test', 'circle-radius'),
			filter: map.getFilter('lifecycle-test'),
			minzoom: layer?.minzoom,
			maxzoom: layer?.maxzoom,
			order: map.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith('lifecycle-'))
		};
	});
}

const base = { filter: ['==', ['get', 'kind'], 'a'], paint: { 'circle-color': '#ff0000', 'circle-opacity': 0.5 } };

test.describe('MapLayer lifecycle', () => {
	test('starts with the layer as given, between the layers added before and after it', async ({ page }) => {
		await open(page);
		expect(await read(page)).toMatchObject({
			same: true, color: '#ff0000', opacity: 0.5, filter: ['==', ['get', 'kind'], 'a'],
			order: ['lifecycle-under', 'lifecycle-test', 'lifecycle-top']
		});
	});

	test('sets a changed paint property and resets a removed one to the style default', async ({ page }) => {
		await open(page);
		const state = await change(page, { layer: { ...base, paint: { 'circle-color': '#0000ff' } } });
		expect(state).toMatchObject({ same: true, color: '#0000ff' });
		expect(state.opacity).toBeUndefined();
	});

	test('paint given beside the layer goes over it, and its removal returns the layer paint', async ({ page }) => {
		await open(page);
		expect(await change(page, { paint: { 'circle-opacity': 0.2, 'circle-radius': 9 } })).toMatchObject({ same: true, opacity: 0.2, radius: 9 });
		const state = await change(page, { paint: {} });
		expect(state).toMatchObject({ same: true, opacity: 0.5 });
		expect(state.radius).toBeUndefined();
	});

	test('sets a changed filter, and clears it when the layer no longer has one', async ({ page }) => {
		await open(page);
		expect(await change(page, { layer: { ...base, filter: ['==', ['get', 'kind'], 'b'] } })).toMatchObject({ same: true, filter: ['==', ['get', 'kind'], 'b'] });
		const cleared = await change(page, { layer: { paint: base.paint } });
		expect(cleared.same).toBe(true);
		expect(cleared.filter ?? null).toBeNull();
	});

	test('sets a changed zoom range', async ({ page }) => {
		await open(page);
		expect(await change(page, { layer: { ...base, minzoom: 3, maxzoom: 10 } })).toMatchObject({ same: true, minzoom: 3, maxzoom: 10 });
		expect(await change(page, { layer: base })).toMatchObject({ same: true, minzoom: 0, maxzoom: 24 });
	});

	test('moves under another layer when beforeId changes, and back on top without one', async ({ page }) => {
		await open(page);
		expect(await change(page, { beforeId: 'lifecycle-under' })).toMatchObject({ same: true, order: ['lifecycle-test', 'lifecycle-under', 'lifecycle-top'] });
		expect(await change(page, { beforeId: null })).toMatchObject({ same: true, order: ['lifecycle-under', 'lifecycle-top', 'lifecycle-test'] });
	});
});
