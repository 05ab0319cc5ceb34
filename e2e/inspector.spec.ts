import {
  clickButton,
  editorText,
  graphNode,
  openApp,
  screenshot,
  showRegion,
  waitForEditor,
} from './app.ts';
import { expect, test } from './fixtures.ts';

const VIRTUAL_SERVICE = 'VirtualService/default/myapp';

test('the inspector edits the selected rule; a wrong value says why and writes nothing; Undo restores', async ({
  page,
}) => {
  await openApp(page);
  await waitForEditor(page);
  const before = await editorText(page);

  const row = graphNode(page, 'virtualService', VIRTUAL_SERVICE).locator('[data-kind="route"]');
  await row.getByRole('button').click();
  const inspector = await showRegion(page, 'Inspector');

  // The prefix match: typed in the form, shown on the rule row at once.
  const prefix = inspector.getByLabel('URI prefix', { exact: true });
  await expect(prefix).toHaveValue('/myapp');
  await prefix.fill('/shop');
  await expect(row).toContainText('prefix /shop');

  // A header match, exact by default.
  await inspector.getByLabel('New header name', { exact: true }).fill('x-beta');
  await expect(inspector.getByLabel('New header match type', { exact: true })).toHaveValue('exact');
  await inspector.getByLabel('New header match value', { exact: true }).fill('true');
  await inspector.getByRole('button', { name: 'Add header match', exact: true }).click();
  await expect(row).toContainText('x-beta=true');
  await expect(inspector.getByLabel('Header x-beta exact', { exact: true })).toHaveValue('true');

  // A timeout Istio would reject: the message sits next to the field, and nothing is written.
  await inspector.getByText('Timeout and retries', { exact: true }).click();
  const timeout = inspector.getByLabel('Timeout', { exact: true });
  await timeout.fill('10x');
  await expect(timeout).toHaveAttribute('aria-invalid', 'true');
  await expect(timeout).toHaveAccessibleDescription(/unit/);
  await screenshot(page, 'inspector');

  const edited = await editorText(page);
  expect(edited).toContain(
    '    - uri:\n        prefix: /shop\n      headers:\n        x-beta:\n          exact: "true"\n',
  );
  expect(edited).not.toContain('timeout');
  // Only the rule's lines changed.
  expect(
    edited.replace(
      'prefix: /shop\n      headers:\n        x-beta:\n          exact: "true"\n',
      'prefix: /myapp\n',
    ),
  ).toBe(before);

  await clickButton(page, 'Undo');
  await clickButton(page, 'Undo');
  await expect(row).toContainText('prefix /myapp');
  expect(await editorText(page)).toBe(before);
});

test('the zero-downtime pack, then the gateway pods’ Inspector: a longer drain typed raises the grace period with it', async ({
  page,
}) => {
  await openApp(page);
  await waitForEditor(page);

  await page.getByRole('button', { name: 'Add scenario', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add scenario' });
  await dialog
    .getByLabel('Scenario', { exact: true })
    .selectOption({ label: 'Zero-downtime pack' });
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();
  const added = await editorText(page);
  expect(added).toMatch(/maxSurge: 1\n\s+maxUnavailable: 0\n/);
  expect(added).toContain('terminationDrainDuration: 20s');

  // The pods are now the Deployment's: its form shows the rollout the pack wrote.
  await graphNode(page, 'gatewayWorkload').locator('.cnode__name').click();
  const inspector = await showRegion(page, 'Inspector');
  await expect(inspector.getByLabel('Max surge', { exact: true })).toHaveValue('1');
  await expect(inspector.getByLabel('Max unavailable', { exact: true })).toHaveValue('0');
  await expect(inspector.getByLabel('Readiness port', { exact: true })).toHaveValue('15021');

  const drain = inspector.getByLabel('Proxy drain (s)', { exact: true });
  await expect(drain).toHaveValue('20');
  // Three clicks select the number, as a hand replaces it.
  await drain.click({ clickCount: 3 });
  await page.keyboard.type('90');
  await expect.poll(() => editorText(page)).toContain('terminationDrainDuration: 90s');
  const text = await editorText(page);
  // The kubelet would kill the proxy mid-drain at 30s: the grace period follows.
  expect(text).toContain('terminationGracePeriodSeconds: 95');
  await expect(inspector.getByLabel('Grace period (s)', { exact: true })).toHaveValue('95');
  await drain.scrollIntoViewIfNeeded();
  await screenshot(page, 'inspector-rollout');
});
