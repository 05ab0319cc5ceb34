import { describe, expect, test } from 'vitest';
import {
  accepted,
  applyChecked,
  edges,
  graphOf,
  newErrors,
  refused,
  TestEditor,
} from '../../testing/gestures.ts';
import { simulated } from '../../testing/simulated.ts';
import { connect } from './connect.ts';
import { IDS, SHOP } from './fixtures.ts';

function mirror(editor: TestEditor, from: string, to: string) {
  return connect(editor.workspace, graphOf(editor), from, to, { mirror: true });
}

describe('connecting a rule as a mirror (Alt-drag)', () => {
  test('sets the rule’s mirror to the subset: one key added, the graph draws a mirror edge, the simulator reports it', () => {
    const editor = TestEditor.load(SHOP);
    const before = editor.workspace;
    const gesture = accepted(mirror(editor, IDS.beta, IDS.v3));
    expect(gesture.summary).toBe(
      'Rule beta now mirrors its traffic to web v3 (100%, answers dropped)',
    );
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [],
      added: ['    mirror:', '      host: web', '      subset: v3'],
    });
    expect(edges(graphOf(editor), 'mirror')).toContain(`${IDS.beta} -> ${IDS.v3}`);
    expect(newErrors(before, editor.workspace)).toEqual([]);
    const answer = simulated(editor.workspace, {
      url: 'http://shop.example.com/',
      headers: { 'x-beta': '1' },
    });
    expect(answer.mirrors?.map((m) => [m.subset, m.percentage])).toEqual([['v3', 100]]);
  });

  test('a second mirror replaces the first and says so; the same one again is refused', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply(accepted(mirror(editor, IDS.beta, IDS.v3)).command);
    const again = refused(mirror(editor, IDS.beta, IDS.v3));
    expect(again).toBe('Rule beta already mirrors to web v3');
    const replace = accepted(mirror(editor, IDS.beta, IDS.v1));
    expect(replace.notes?.[0]).toMatch(/replaces the mirror to web v3/);
    expect(applyChecked(editor, replace)).toEqual({
      removed: ['      subset: v3'],
      added: ['      subset: v1'],
    });
  });

  test('without the mirror option the same drag still adds a destination', () => {
    const editor = TestEditor.load(SHOP);
    const gesture = accepted(connect(editor.workspace, graphOf(editor), IDS.beta, IDS.v3));
    expect(gesture.summary).toMatch(/splits its traffic/);
  });
});
