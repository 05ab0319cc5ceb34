/**
 * A thousand resources, edited as a person edits: find a host, change its route's split in the
 * graph's Inspector, then type a weight in the text; each edit shows in the other view.
 */
import { generateIssueWorkspaceText } from '../scripts/generateWorkspace.ts';
import { editorLines, graphNode, importFile, openApp, waitForEditor } from './app.ts';
import { expect, test } from './fixtures.ts';

test('in 1,000 resources: find a host, change its split in the graph, then in the text', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await importFile(page, 'teams.yaml', generateIssueWorkspaceText(1000));
  await expect(page.locator('[data-kind="group"]').first()).toBeVisible();

  // Focus on the host: only its path is drawn.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.type('Focus on host');
  await page.keyboard.press('Enter');
  await page.keyboard.type('app-42.example.com');
  await page.keyboard.press('Enter');
  const vs = graphNode(page, 'virtualService', 'VirtualService/team-42/vs-42');
  await expect(vs).toBeVisible();

  // The graph: the split rule's row, its weights in the Inspector.
  await vs.getByRole('button', { name: /^Rule http\[1\]:/ }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const weights = inspector.getByLabel('Weight', { exact: true });
  await expect(weights).toHaveCount(2);
  await weights.nth(0).fill('70');
  await weights.nth(1).fill('30');
  await expect(page.locator('.edge-label', { hasText: '70%' })).toBeVisible();
  // The text follows: the editor shows the rule's lines with the new weight.
  await waitForEditor(page);
  const weightLine = editorLines(page).locator('.view-line', { hasText: 'weight: 70' });
  await expect(weightLine).toBeVisible();

  // The text: the weight typed over, the graph's label follows.
  await weightLine.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('90');
  await expect(page.locator('.edge-label', { hasText: '75%' })).toBeVisible();
  await expect(inspector.getByLabel('Weight', { exact: true }).nth(0)).toHaveValue('90');
});
