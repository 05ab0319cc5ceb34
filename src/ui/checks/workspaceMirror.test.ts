import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../edit/applyCommand.ts';
import { dedent } from '../../testing/dedent.ts';
import { loadWorkspace, serializeWorkspace, type Workspace } from '../../workspace/workspace.ts';
import { SentFiles, WorkspaceMirror } from './workspaceMirror.ts';

const gateway = (name: string) => dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: ${name}, namespace: web}
  spec: {selector: {istio: ingressgateway}}
`;

function edited(workspace: Workspace, name: string): Workspace {
  const result = applyCommand(workspace, {
    type: 'renameResource',
    target: 'Gateway/web/a',
    name,
  });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('the checks worker’s copy of the workspace', () => {
  const start = loadWorkspace([
    { name: 'gateways.yaml', text: `${gateway('a')}---\n${gateway('b')}---\n${gateway('c')}` },
    { name: 'other.yaml', text: gateway('d') },
  ]);

  it('is sent each file once, then only the files an edit changed', () => {
    const sent = new SentFiles();
    expect(sent.files(start).map((f) => f.text !== undefined)).toEqual([true, true]);
    const next = edited(start, 'a2');
    expect(sent.files(next)).toEqual([
      { name: 'gateways.yaml', text: serializeWorkspace(next)[0]?.text },
      { name: 'other.yaml' },
    ]);
  });

  it('holds the same texts as the page, and re-reads only the documents an edit touched', () => {
    const sent = new SentFiles();
    const mirror = new WorkspaceMirror();
    const first = mirror.update(sent.files(start));
    expect(serializeWorkspace(first)).toEqual(serializeWorkspace(start));
    const next = edited(start, 'a2');
    const second = mirror.update(sent.files(next));
    expect(serializeWorkspace(second)).toEqual(serializeWorkspace(next));
    const [before, after] = [first.files[0], second.files[0]];
    // The two untouched Gateways are the very objects the checks cached their findings on.
    expect(after?.docs[1]).toBe(before?.docs[1]);
    expect(after?.docs[2]).toBe(before?.docs[2]);
    expect(after?.docs[0]).not.toBe(before?.docs[0]);
    expect(second.files[1]).toBe(first.files[1]);
  });

  it('follows a file renamed, removed and added, in the page’s order', () => {
    const sent = new SentFiles();
    const mirror = new WorkspaceMirror();
    mirror.update(sent.files(start));
    const reordered = loadWorkspace([
      { name: 'new.yaml', text: gateway('e') },
      { name: 'gateways.yaml', text: serializeWorkspace(start)[0]?.text ?? '' },
    ]);
    const copy = mirror.update(sent.files(reordered));
    expect(serializeWorkspace(copy)).toEqual(serializeWorkspace(reordered));
  });
});
