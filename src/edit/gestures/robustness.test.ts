import { describe, expect, test } from 'vitest';
import { graphOf, TestEditor } from '../../testing/gestures.ts';
import { applyCommand } from '../applyCommand.ts';
import { connect } from './connect.ts';
import { duplicate } from './duplicate.ts';
import { IDS, SHOP } from './fixtures.ts';
import { addFromPalette, PALETTE_ITEMS } from './palette.ts';
import { renameNode } from './rename.ts';

describe('every gesture on every node of a realistic workspace', () => {
  const editor = TestEditor.load(SHOP);
  const graph = graphOf(editor);

  test('connect answers every pair with a command that applies, or a reason', () => {
    let accepted = 0;
    for (const from of graph.nodes) {
      for (const to of graph.nodes) {
        const result = connect(editor.workspace, graph, from.id, to.id);
        if (!result.ok) {
          expect(result.error.length).toBeGreaterThan(10);
          continue;
        }
        accepted++;
        expect(applyCommand(editor.workspace, result.value.command).ok).toBe(true);
      }
    }
    // Gateway → api, 3 rules × (services and subsets they lack).
    expect(accepted).toBeGreaterThan(10);
  });

  test('duplicate, rename and every palette item either apply or say why not', () => {
    for (const node of graph.nodes) {
      for (const result of [
        duplicate(editor.workspace, graph, node.id),
        renameNode(editor.workspace, graph, node.id, 'renamed'),
        ...PALETTE_ITEMS.map((item) =>
          addFromPalette(editor.workspace, graph, item, { selected: node.id }),
        ),
      ]) {
        if (result.ok) expect(applyCommand(editor.workspace, result.value.command).ok).toBe(true);
        else expect(result.error).not.toMatch(/internal/);
      }
    }
  });

  test('a graph older than the workspace gives a refusal, not a broken command', () => {
    const e = TestEditor.load(SHOP);
    const old = graphOf(e);
    e.apply({ type: 'removeResource', target: 'VirtualService/web/api' });
    expect(connect(e.workspace, old, IDS.shopGateway, IDS.api)).toEqual({
      ok: false,
      error: 'shop-gw or api is no longer in the workspace',
    });
    expect(connect(e.workspace, old, IDS.apiRule, IDS.web)).toEqual({
      ok: false,
      error: 'Rule api is no longer in the workspace',
    });
  });
});
