// An embed pinned to a data release (`release=N`) still shows that release's figures after
// the data changes and a later release is published, while the same embed unpinned shows the
// new ones (kept answers: src/lib/server/releases/pinned-request.ts). The spec changes the
// portal's database itself: E2E_DATABASE_URL names it (the one the portal under test serves).
// The change, one public item withdrawn, is published and then undone and published again.
import postgres from 'postgres';
import { expect, test } from './fixtures.ts';

const shots = 'tests/e2e/screenshots';
const databaseUrl = process.env.E2E_DATABASE_URL;

test.describe('a pinned embed', () => {
	test.skip(!databaseUrl, 'E2E_DATABASE_URL names the database the portal under test serves');

	test('still shows the cited release\'s figure after a change, while the unpinned embed shows the new one', async ({ page }) => {
		test.setTimeout(180_000);
		const sql = postgres(databaseUrl!, { max: 1, onnotice: () => {} });
		const publish = async (summary: string) => (await sql`SELECT atlas.publish_release(${summary}) AS number`)[0].number as number;
		const [chosen] = await sql`WITH sizes AS (SELECT country_iso3, count(*) AS items FROM atlas.item_facts WHERE visibility = 'public' GROUP BY 1)
			SELECT f.item_id, f.country_iso3 FROM atlas.item_facts f JOIN sizes USING (country_iso3)
			WHERE f.visibility = 'public' AND f.case_ids = '{}' AND NOT EXISTS (SELECT 1 FROM atlas.trace_request_items t WHERE t.item_id = f.item_id)
			ORDER BY sizes.items, f.item_id LIMIT 1`;
		const country = chosen.country_iso3 as string;
		const chartText = async () => {
			const chart = page.getByTestId('embed-chart').getByRole('figure', { name: 'Item categories' });
			await expect(chart).toBeVisible({ timeout: 30_000 });
			return (await chart.textContent())!.replace(/\s+/g, ' ');
		};
		const open = async (path: string) => {
			await page.goto(path);
			await expect(page.getByTestId('explorer-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 45_000 });
			await page.waitForLoadState('networkidle');
		};
		try {
			const pinned = await publish('e2e: the release an embed pins');
			const view = `/embed?country=${country}&chart=category&release=${pinned}`;
			// Opening the pinned embed while its release is current keeps its figures.
			await open(view);
			const before = await chartText();

			await sql`UPDATE atlas.items SET visibility = 'draft' WHERE id = ${chosen.item_id}`;
			const later = await publish('e2e: withdraws one item');

			await open(view);
			expect(await chartText()).toBe(before);
			await expect(page.getByTestId('release-pin-notice')).toHaveAttribute('data-kept', 'true');
			await expect(page.getByTestId('release-pin-notice')).toContainText(`release ${pinned}`);
			await page.setViewportSize({ width: 800, height: 600 });
			await page.screenshot({ path: `${shots}/pinned-embed-kept.png` });

			await open(`/embed?country=${country}&chart=category&release=${later}`);
			const after = await chartText();
			expect(after).not.toBe(before);
			await page.screenshot({ path: `${shots}/pinned-embed-current.png` });
		} finally {
			await sql`UPDATE atlas.items SET visibility = 'public' WHERE id = ${chosen.item_id}`;
			await publish('e2e: publishes the item again');
			await sql.end();
		}
	});
});
