import { expect, test, type Page } from './fixtures';
import * as Y from 'yjs';
import { addIdea } from '../../shared/workspace-doc/ideas';
import { upsertSelf } from '../../shared/workspace-doc/members';
import { expectNoSeriousA11yViolations } from './a11y';
import { createIdentity, createWorkspace, openSection } from './app-actions';
import { putDocumentUpdate, workspaceIdFromUrl } from './idb';

/**
 * Long lists draw only what is near the screen (renderer/src/components/
 * WindowedList.tsx): 1,500 ideas and 400 people, as partners wrote them,
 * open with a fraction of their cards in the page; a screen reader still
 * hears the whole length, and scrolling to the end shows the last one.
 */
const IDEAS = 1_500;
const PEOPLE = 400;

function partnersUpdate(): Uint8Array {
  const doc = new Y.Doc();
  for (let m = 0; m < PEOPLE; m += 1) {
    upsertSelf(doc, { memberId: `m${m}`, displayName: `Lid ${String(m).padStart(3, '0')}`, organisationName: 'Gemeente Leiden', role: 'Adviseur', publicKey: 'A'.repeat(43), joinedAt: m + 1 });
  }
  for (let i = 0; i < IDEAS; i += 1) addIdea(doc, { title: `Idee ${i + 1}`, description: 'Samen doen', tags: [], goalId: '' }, { memberId: `m${i % PEOPLE}`, now: Date.UTC(2026, 0, 1) + i * 60_000, id: `idea-${i + 1}` });
  return Y.encodeStateAsUpdateV2(doc);
}

async function scrollToEnd(page: Page) {
  // The list measures items as they come into view and grows; a few passes reach its real end.
  for (let pass = 0; pass < 20; pass += 1) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(50);
  }
}

test('1,500 ideas and 400 people: only the cards near the screen are drawn, the last is reached by scrolling', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await createIdentity(page);
  await createWorkspace(page, 'Holland Rijnland', 'RES 2.0');
  await putDocumentUpdate(page, workspaceIdFromUrl(page.url()), partnersUpdate());
  await page.reload();

  await openSection(page, 'Ideeën');
  const ideas = page.getByRole('list', { name: 'Ideeën' });
  await expect(page.getByText(`${IDEAS} ideeën`)).toBeVisible({ timeout: 30_000 });
  await expect(ideas.getByRole('article').first()).toBeVisible();
  const drawn = await ideas.getByRole('article').count();
  expect(drawn).toBeLessThan(60);
  await expect(ideas.getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(IDEAS));
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('combobox', { name: 'Sorteren' }).click();
  await page.getByRole('option', { name: 'Nieuwste eerst' }).click();
  await expect(ideas.getByRole('article').first()).toHaveAccessibleName(`Idee ${IDEAS}`);
  await scrollToEnd(page);
  await expect(ideas.getByRole('article', { name: 'Idee 1', exact: true })).toBeInViewport();
  await expect(ideas.locator(`li[aria-posinset="${IDEAS}"]`)).toBeVisible();

  await openSection(page, 'Mensen');
  const people = page.getByRole('list', { name: 'Mensen in deze werkruimte' });
  await expect(people.getByTestId('person').first()).toBeVisible();
  expect(await people.getByTestId('person').count()).toBeLessThan(60);
  await expect(people.getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(PEOPLE + 1));
  await scrollToEnd(page);
  await expect(people.locator(`li[aria-posinset="${PEOPLE + 1}"]`)).toBeVisible();
});
