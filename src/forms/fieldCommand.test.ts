import { describe, expect, test } from 'vitest';
import { TestEditor } from '../testing/testEditor.ts';
import { fieldCommand } from './fieldCommand.ts';
import { editField, errors, fieldOf, formOf, refusal } from './testForms.ts';
import { RULE_API, RULE_SITE, SHOP, VS_ID } from './testManifests.ts';

const RULE0 = 'spec.http[0]';

describe('fieldCommand', () => {
  test('a number field writes a number on its own line only', () => {
    const { diff } = editField(SHOP, RULE_API, `${RULE0}.route[0].weight`, '75');
    expect(diff).toEqual({ removed: ['      weight: 90'], added: ['      weight: 75'] });
  });

  test('text that is not a number is refused with a message and no command', () => {
    expect(refusal(SHOP, RULE_API, `${RULE0}.route[0].weight`, '7x')).toBe('Enter a number');
    expect(refusal(SHOP, RULE_API, `${RULE0}.route[0].weight`, '7.5')).toBe('Enter a whole number');
  });

  test('the same value as written gives no command', () => {
    const editor = TestEditor.load(SHOP);
    const field = fieldOf(formOf(editor, RULE_API), `${RULE0}.timeout`);
    expect(fieldCommand(VS_ID, field, '5s')).toEqual({ ok: true, command: null, value: '5s' });
  });

  test('emptying a field deletes its line', () => {
    const { diff } = editField(SHOP, RULE_API, `${RULE0}.timeout`, '');
    expect(diff).toEqual({ removed: ['    timeout: 5s'], added: [] });
  });

  test('a new nested field creates its maps, and emptying it removes them again', () => {
    const set = editField(SHOP, RULE_SITE, 'spec.http[1].retries.attempts', '3');
    expect(set.diff).toEqual({ removed: [], added: ['    retries:', '      attempts: 3'] });
    const node = set.editor.workspace;
    const field = fieldOf(formOf(set.editor, RULE_SITE), 'spec.http[1].retries.attempts');
    const cleared = fieldCommand(VS_ID, field, '');
    if (!cleared.ok || !cleared.command) throw new Error('expected a command');
    set.editor.apply(cleared.command);
    expect(set.editor.yaml()).toBe(SHOP);
    expect(node).not.toBe(set.editor.workspace);
  });

  test('emptying a field keeps the map it shares with another field', () => {
    const yaml = SHOP.replace(
      '    timeout: 5s\n',
      '    retries:\n      attempts: 3\n      perTryTimeout: 2s\n',
    );
    const { diff } = editField(yaml, RULE_API, `${RULE0}.retries.attempts`, '');
    expect(diff).toEqual({ removed: ['      attempts: 3'], added: [] });
  });

  test('a required field cannot be emptied', () => {
    expect(refusal(SHOP, RULE_API, `${RULE0}.route[0].destination.host`, ' ')).toBe('Required');
  });

  test('a list field adds one item as one line and keeps the others', () => {
    const yaml = SHOP.replace(
      '  - istio-system/shop-gateway\n',
      '  - istio-system/shop-gateway\n  exportTo:\n  - "."\n',
    );
    const { diff } = editField(yaml, `virtualService:${VS_ID}`, 'spec.exportTo', '., istio-system');
    expect(diff).toEqual({ removed: [], added: ['  - istio-system'] });
    const dropped = editField(yaml, `virtualService:${VS_ID}`, 'spec.exportTo', '');
    expect(dropped.diff).toEqual({ removed: ['  exportTo:', '  - "."'], added: [] });
  });

  test('a list field checks every item', () => {
    expect(refusal(SHOP, `virtualService:${VS_ID}`, 'spec.exportTo', '., a.b')).toMatch(
      /"a\.b" is not/,
    );
  });

  test('edits keep comments and produce no new lint errors', () => {
    const { after, editor } = editField(SHOP, RULE_API, `${RULE0}.route[0].weight`, '50');
    expect(after).toContain('- name: api  # the API first');
    expect(errors(editor.workspace)).toEqual(errors(TestEditor.load(SHOP).workspace));
  });
});
