import { describe, expect, test } from 'vitest';
import type { VirtualService } from '../model/virtualService.ts';
import { TestEditor } from '../testing/testEditor.ts';
import { findEntry } from '../workspace/workspace.ts';
import {
  addItem,
  applyChecked,
  editField,
  errors,
  fieldOf,
  formOf,
  groupOf,
  refusal,
} from './testForms.ts';
import { RULE_API, RULE_SITE, SHOP, VS_ID } from './testManifests.ts';

const MATCH = 'spec.http[0].match[0]';

function virtualServiceOf(editor: TestEditor): VirtualService {
  const object = findEntry(editor.workspace, VS_ID)?.object;
  if (!object || !('http' in object)) throw new Error('expected the VirtualService');
  return object;
}

describe('HTTP match form', () => {
  test('the URI prefix is edited in place and the typed view reads the new match', () => {
    const { diff, editor } = editField(SHOP, RULE_API, `${MATCH}.uri.prefix`, '/v2/api');
    expect(diff).toEqual({ removed: ['        prefix: /api'], added: ['        prefix: /v2/api'] });
    const vs = virtualServiceOf(editor);
    expect(vs.http[0]?.match[0]?.uri).toEqual({ prefix: '/v2/api' });
  });

  test('changing how the URI compares keeps its value', () => {
    const { diff } = editField(SHOP, RULE_API, `${MATCH}.uri#kind`, 'exact');
    expect(diff).toEqual({ removed: ['        prefix: /api'], added: ['        exact: /api'] });
  });

  test('a regex URI is checked as RE2', () => {
    const regex = editField(SHOP, RULE_API, `${MATCH}.uri#kind`, 'regex').after;
    expect(refusal(regex, RULE_API, `${MATCH}.uri.regex`, '/api/(')).toMatch(/./);
    expect(editField(regex, RULE_API, `${MATCH}.uri.regex`, '/api/v[12]/.*').diff.added).toEqual([
      '        regex: /api/v[12]/.*',
    ]);
  });

  test('a rule without matches gets a URI match from its first keystroke', () => {
    const { diff } = addItem(SHOP, RULE_SITE, 'group:spec.http[1].match');
    expect(diff).toEqual({ removed: [], added: ['    match:', '    - uri:', '        prefix: /'] });
  });

  test('clearing the only condition of a block leaves the block, not its parents', () => {
    const { diff } = editField(SHOP, RULE_API, `${MATCH}.uri.prefix`, '');
    expect(diff).toEqual({ removed: ['    - uri:', '        prefix: /api'], added: ['    - {}'] });
  });

  test('ignoreUriCase is a checkbox', () => {
    expect(editField(SHOP, RULE_API, `${MATCH}.ignoreUriCase`, true).diff).toEqual({
      removed: [],
      added: ['      ignoreUriCase: true'],
    });
  });

  test('a header match is added (exact) and shows on the rule; lint stays quiet', () => {
    const { diff, editor } = addItem(SHOP, RULE_API, `group:${MATCH}.headers`, {
      [`${MATCH}.headers#new-name`]: 'x-beta',
      [`${MATCH}.headers#new-kind`]: 'exact',
      [`${MATCH}.headers#new-value`]: 'true',
    });
    expect(diff).toEqual({
      removed: [],
      added: ['      headers:', '        x-beta:', '          exact: "true"'],
    });
    const vs = virtualServiceOf(editor);
    expect(vs.http[0]?.match[0]?.headers?.['x-beta']).toEqual({ exact: 'true' });
    expect(errors(editor.workspace)).toEqual(errors(TestEditor.load(SHOP).workspace));
  });

  test('a header match name must be a valid header name', () => {
    const editor = TestEditor.load(SHOP);
    const group = groupOf(formOf(editor, RULE_API), `group:${MATCH}.headers`);
    const result = group.add?.({ [`${MATCH}.headers#new-name`]: 'x beta' });
    expect(result?.ok).toBe(false);
  });

  test('a header match is switched to presence, renamed and removed', () => {
    const withHeader = addItem(SHOP, RULE_API, `group:${MATCH}.headers`, {
      [`${MATCH}.headers#new-name`]: 'x-beta',
      [`${MATCH}.headers#new-value`]: 'yes',
    }).after;
    const header = `${MATCH}.headers.x-beta`;
    expect(editField(withHeader, RULE_API, `${header}#kind`, 'present').diff).toEqual({
      removed: ['        x-beta:', '          exact: "yes"'],
      added: ['        x-beta: {}'],
    });
    expect(editField(withHeader, RULE_API, `${header}#kind`, 'prefix').diff).toEqual({
      removed: ['          exact: "yes"'],
      added: ['          prefix: "yes"'],
    });
    expect(editField(withHeader, RULE_API, `${header}#name`, 'x-canary').diff).toEqual({
      removed: ['        x-beta:'],
      added: ['        x-canary:'],
    });
    const editor = TestEditor.load(withHeader);
    const item = groupOf(formOf(editor, RULE_API), `group:${MATCH}.headers`).items[0];
    if (!item?.remove) throw new Error('expected a remove');
    expect(applyChecked(editor, item.remove).after).toBe(SHOP);
  });

  test('withoutHeaders and queryParams are maps of matches too', () => {
    expect(
      addItem(SHOP, RULE_API, `group:${MATCH}.withoutHeaders`, {
        [`${MATCH}.withoutHeaders#new-name`]: 'x-internal',
        [`${MATCH}.withoutHeaders#new-kind`]: 'present',
      }).diff.added,
    ).toEqual(['      withoutHeaders:', '        x-internal: {}']);
    expect(
      addItem(SHOP, RULE_API, `group:${MATCH}.queryParams`, {
        [`${MATCH}.queryParams#new-name`]: 'version',
        [`${MATCH}.queryParams#new-kind`]: 'regex',
        [`${MATCH}.queryParams#new-value`]: 'v[0-9]+',
      }).diff.added,
    ).toEqual(['      queryParams:', '        version:', '          regex: v[0-9]+']);
  });

  test('a regex match added without a valid regex is refused', () => {
    const editor = TestEditor.load(SHOP);
    const group = groupOf(formOf(editor, RULE_API), `group:${MATCH}.queryParams`);
    const result = group.add?.({
      [`${MATCH}.queryParams#new-name`]: 'v',
      [`${MATCH}.queryParams#new-kind`]: 'regex',
      [`${MATCH}.queryParams#new-value`]: '(',
    });
    expect(result?.ok).toBe(false);
  });

  test('method, authority and scheme are exact matches by default', () => {
    expect(editField(SHOP, RULE_API, `${MATCH}.method.exact`, 'GET').diff.added).toEqual([
      '      method:',
      '        exact: GET',
    ]);
    expect(
      editField(SHOP, RULE_API, `${MATCH}.authority.exact`, 'shop.example.com').diff.added,
    ).toEqual(['      authority:', '        exact: shop.example.com']);
    expect(editField(SHOP, RULE_API, `${MATCH}.scheme.exact`, 'https').diff.added).toEqual([
      '      scheme:',
      '        exact: https',
    ]);
  });

  test('port and per-match gateways', () => {
    expect(editField(SHOP, RULE_API, `${MATCH}.port`, '443').diff.added).toEqual([
      '      port: 443',
    ]);
    expect(refusal(SHOP, RULE_API, `${MATCH}.port`, '0')).toBe('Port must be from 1 to 65535');
    const editor = TestEditor.load(SHOP);
    const gateways = fieldOf(formOf(editor, RULE_API), `${MATCH}.gateways`);
    expect(gateways.options?.map((o) => o.value)).toEqual(['mesh', 'istio-system/shop-gateway']);
    expect(
      editField(SHOP, RULE_API, `${MATCH}.gateways`, ['istio-system/shop-gateway']).diff.added,
    ).toEqual(['      gateways:', '      - istio-system/shop-gateway']);
  });

  test('a second match block is an OR and can be removed again', () => {
    const added = addItem(SHOP, RULE_API, `group:spec.http[0].match`);
    expect(added.diff.added).toEqual(['    - uri:', '        prefix: /']);
    const group = groupOf(formOf(added.editor, RULE_API), 'group:spec.http[0].match');
    expect(group.items.map((i) => i.title)).toEqual(['Match block 1', 'Match block 2 (or)']);
    const remove = group.items[1]?.remove;
    if (!remove) throw new Error('expected a remove');
    expect(applyChecked(added.editor, remove).after).toBe(SHOP);
  });
});
