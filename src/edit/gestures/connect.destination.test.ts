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
import { connect } from './connect.ts';
import { IDS, SHOP } from './fixtures.ts';

function link(editor: TestEditor, from: string, to: string) {
  return connect(editor.workspace, graphOf(editor), from, to);
}

describe('connecting a rule to a service or a subset', () => {
  test('a second destination splits 50/50, and both weights are written', () => {
    const editor = TestEditor.load(SHOP);
    const before = editor.workspace;
    const gesture = accepted(link(editor, IDS.apiRule, IDS.web));
    expect(gesture.summary).toBe('Rule api now splits its traffic: api 50%, web 50%');
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [],
      added: ['      weight: 50', '    - destination:', '        host: web', '      weight: 50'],
    });
    expect(edges(graphOf(editor), 'route').filter((e) => e.startsWith(IDS.apiRule))).toEqual([
      `${IDS.apiRule} -> ${IDS.apiService} @50`,
      `${IDS.apiRule} -> ${IDS.web} @50`,
    ]);
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('a subset joining a 90/10 canary gets an equal third and the others keep their proportions', () => {
    const editor = TestEditor.load(SHOP);
    const before = editor.workspace;
    const gesture = accepted(link(editor, IDS.all, IDS.v3));
    expect(gesture.summary).toBe(
      'Rule all now splits its traffic: web v1 60%, web v2 7%, web v3 33%',
    );
    expect(applyChecked(editor, gesture)).toEqual({
      removed: ['      weight: 90', '      weight: 10'],
      added: [
        '      weight: 60',
        '      weight: 7',
        '    - destination:',
        '        host: web',
        '        subset: v3',
        '      weight: 33',
      ],
    });
    expect(edges(graphOf(editor), 'route')).toContain(`${IDS.all} -> ${IDS.v3} @33`);
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('a Service in another namespace is written as its FQDN', () => {
    const editor = TestEditor.load(SHOP);
    const gesture = accepted(link(editor, IDS.beta, IDS.ratings));
    expect(applyChecked(editor, gesture).added).toContain(
      '        host: ratings.shared.svc.cluster.local',
    );
    expect(edges(graphOf(editor), 'route')).toContain(`${IDS.beta} -> ${IDS.ratings} @50`);
  });

  test('a Service with several ports gets the HTTP port, and the note says why', () => {
    const editor = TestEditor.load(SHOP);
    const before = editor.workspace;
    const gesture = accepted(link(editor, IDS.beta, IDS.apiService));
    expect(gesture.notes).toEqual([
      "Service api exposes several ports (9090 (grpc), 80 (http)), so Istio needs the destination's port: 80 was chosen",
    ]);
    expect(applyChecked(editor, gesture).added).toEqual([
      '      weight: 50',
      '    - destination:',
      '        host: api',
      '        port:',
      '          number: 80',
      '      weight: 50',
    ]);
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('a subset joining destinations that agree on a port names that port too', () => {
    const ported = SHOP.replace(
      '{host: web, subset: v1}\n      weight: 90',
      '{host: web, subset: v1, port: {number: 8080}}\n      weight: 90',
    ).replace(
      '{host: web, subset: v2}\n      weight: 10',
      '{host: web, subset: v2, port: {number: 8080}}\n      weight: 10',
    );
    const editor = TestEditor.load(ported);
    const gesture = accepted(link(editor, IDS.all, IDS.v3));
    // The notice says what split resulted.
    expect(gesture.summary).toBe(
      'Rule all now splits its traffic: web v1 60%, web v2 7%, web v3 33%',
    );
    expect(gesture.notes).toBeUndefined();
    expect(applyChecked(editor, gesture).added).toEqual([
      '      weight: 60',
      '      weight: 7',
      '    - destination:',
      '        host: web',
      '        subset: v3',
      '        port:',
      '          number: 8080',
      '      weight: 33',
    ]);
  });

  test('destinations that name different ports leave the newcomer without one (web has one port)', () => {
    const mixed = SHOP.replace(
      '{host: web, subset: v1}\n      weight: 90',
      '{host: web, subset: v1, port: {number: 8080}}\n      weight: 90',
    ).replace(
      '{host: web, subset: v2}\n      weight: 10',
      '{host: web, subset: v2, port: {number: 9090}}\n      weight: 10',
    );
    const editor = TestEditor.load(mixed);
    const added = applyChecked(editor, accepted(link(editor, IDS.all, IDS.v3))).added;
    expect(added).toContain('        subset: v3');
    expect(added.join('\n')).not.toMatch(/port/);
  });

  test('a destination already in the rule is refused', () => {
    expect(refused(link(TestEditor.load(SHOP), IDS.all, IDS.v1))).toBe(
      'Rule all already routes to web v1',
    );
  });

  test('a rule that redirects cannot also route', () => {
    const redirecting = SHOP.replace(
      '  - name: beta\n',
      '  - name: old\n    match:\n    - uri: {prefix: /old}\n    redirect: {uri: /new}\n  - name: beta\n',
    );
    const editor = TestEditor.load(redirecting);
    expect(refused(link(editor, IDS.beta, IDS.web))).toBe(
      'Rule old redirects its requests: Istio allows only one of route, redirect, directResponse and delegate in a rule; remove that first',
    );
  });

  test('a rule without destinations gets one without a weight', () => {
    const empty = SHOP.replace(
      '  - name: beta\n',
      '  - name: new\n    match:\n    - uri: {prefix: /new}\n  - name: beta\n',
    );
    const editor = TestEditor.load(empty);
    const gesture = accepted(link(editor, IDS.beta, IDS.v3));
    expect(gesture.summary).toBe('Rule new now routes to web v3');
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [],
      added: ['    route:', '    - destination:', '        host: web', '        subset: v3'],
    });
    expect(edges(graphOf(editor), 'route')).toContain(`${IDS.beta} -> ${IDS.v3}`);
  });
});
