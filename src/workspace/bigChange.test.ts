import { describe, expect, it } from 'vitest';
import { generateIssueWorkspaceText } from '../../scripts/generateWorkspace.ts';
import { BIG_CHANGE_DOCS, isBigChange } from './bigChange.ts';
import { loadFile, loadWorkspace } from './workspace.ts';

describe('isBigChange', () => {
  const text = generateIssueWorkspaceText(BIG_CHANGE_DOCS);
  const big = loadWorkspace([{ name: 'teams.yaml', text }]);

  it('an import of hundreds of documents is big', () => {
    const example = loadWorkspace([
      { name: 'a.yaml', text: 'kind: Service\nmetadata: {name: a}\n' },
    ]);
    expect(isBigChange(example, big)).toBe(true);
  });

  it('a keystroke in a big file is not: the other documents keep their objects', () => {
    const file = big.files[0];
    if (!file) throw new Error('no file');
    const typed = loadFile(file.name, text.replace('name: gw-1\n', 'name: gw-1x\n'), file);
    expect(isBigChange(big, { files: [typed] })).toBe(false);
  });

  it('one document short of the limit is not', () => {
    const fewer = generateIssueWorkspaceText(BIG_CHANGE_DOCS - 5);
    const workspace = loadWorkspace([{ name: 'teams.yaml', text: fewer }]);
    const count = workspace.files.reduce((n, f) => n + f.docs.length, 0);
    expect(count).toBeLessThan(BIG_CHANGE_DOCS);
    expect(isBigChange({ files: [] }, workspace)).toBe(false);
  });
});
