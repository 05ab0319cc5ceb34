import { editorText, graphNode, openApp, screenshot, waitForEditor } from './app.ts';
import { expect, test } from './fixtures.ts';

test('a canary chosen in the Gateway API adds an HTTPRoute with two weighted backendRefs, and the choice outlives a reload', async ({
  page,
}) => {
  await openApp(page);
  await waitForEditor(page);

  // The palette, as a person who knows the keys opens the dialog.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.type('add scenario');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add scenario' });
  await expect(dialog).toBeVisible();

  // The Istio API is the default until the person chooses.
  const istio = dialog.getByRole('radio', { name: 'Istio API' });
  const gatewayApi = dialog.getByRole('radio', { name: 'Gateway API' });
  await expect(istio).toBeChecked();
  await gatewayApi.click();
  await expect(gatewayApi).toBeChecked();

  await dialog.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Canary by weight' });
  // What the dialog says it adds follows the choice.
  await expect(dialog).toContainText('two weighted backendRefs');
  // The Gateway goes with the app in the Gateway API: the namespace field shows it.
  await expect(dialog.getByLabel('Gateway namespace', { exact: true })).toHaveAttribute(
    'placeholder',
    'default',
  );
  await dialog.getByLabel('Name', { exact: true }).click();
  await page.keyboard.type('cart');
  await dialog.getByLabel(/Canary percentage/).click();
  await page.keyboard.type('20');
  await screenshot(page, 'gateway-api-scenario-dialog');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByText(/scenario in the Gateway API/)).toBeVisible();
  await expect(graphNode(page, 'httpRoute', 'HTTPRoute/default/cart')).toBeVisible();
  await expect(
    graphNode(page, 'gateway', 'Gateway.gateway.networking.k8s.io/default/cart-gateway'),
  ).toBeVisible();
  const text = await editorText(page);
  expect(text).toContain('apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute');
  expect(text).toContain('gatewayClassName: istio');
  expect(text).toMatch(
    /backendRefs:\n\s+- name: cart-v1\n\s+port: 80\n\s+weight: 80\n\s+- name: cart-v2\n\s+port: 80\n\s+weight: 20/,
  );
  expect(text).not.toContain('kind: VirtualService\nmetadata:\n  name: cart');
  await screenshot(page, 'gateway-api-canary');

  // The choice is a setting: after a reload the dialog opens on the Gateway API again.
  await page.reload();
  await expect(graphNode(page, 'httpRoute', 'HTTPRoute/default/cart')).toBeVisible();
  await page.getByRole('button', { name: 'Add scenario', exact: true }).click();
  const again = page.getByRole('dialog', { name: 'Add scenario' });
  await expect(again.getByRole('radio', { name: 'Gateway API' })).toBeChecked();
  await expect(again.getByRole('radio', { name: 'Istio API' })).not.toBeChecked();

  // A scenario of Istio only says so and adds Istio resources.
  await again.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Fault drill' });
  await expect(again).toContainText('exists in the Istio API only');
});
