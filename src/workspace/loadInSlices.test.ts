import { describe, expect, it } from 'vitest';
import { generateWorkspaceText } from '../../scripts/generateWorkspace.ts';
import { loadWorkspaceInSlices } from './loadInSlices.ts';
import { entries, loadWorkspace, serializeWorkspace, type Workspace } from './workspace.ts';

/** What a reader of the workspace sees: texts, documents, problems and resources. */
function seen(workspace: Workspace) {
  return {
    texts: serializeWorkspace(workspace),
    docs: workspace.files.map((f) => ({
      texts: f.docs.map((d) => d.text),
      tail: f.tail,
      problems: f.docs.map((d) => d.problems.map((p) => `${p.code}@${p.offset}-${p.end}`)),
    })),
    resources: entries(workspace).map((e) => [e.id, e.plain]),
  };
}

const sliced = (text: string) =>
  loadWorkspaceInSlices([{ name: 'big.yaml', text }], { sliceMs: 0, yieldNow: async () => {} });

describe('loading in slices', () => {
  it('gives the workspace loadWorkspace gives, for a file cut into many regions', async () => {
    const text = generateWorkspaceText(300);
    expect(text.length).toBeGreaterThan(50_000);
    expect(seen(await sliced(text))).toEqual(seen(loadWorkspace([{ name: 'big.yaml', text }])));
  });

  it('reads a broken document at a cut as the whole file reads it', async () => {
    const good = generateWorkspaceText(60);
    // An unclosed flow map runs on past the `---` after it: the cut must not hide that.
    const broken = `${good}---\nkind: Broken\nmetadata: {name: x\n---\n${good}---\n"open: 1\n`;
    expect(seen(await sliced(broken))).toEqual(
      seen(loadWorkspace([{ name: 'big.yaml', text: broken }])),
    );
  });

  it('keeps comments after a `...` and a file without documents', async () => {
    const text = `${generateWorkspaceText(60)}...\n# the end\n`;
    expect(seen(await sliced(text))).toEqual(seen(loadWorkspace([{ name: 'big.yaml', text }])));
    expect(seen(await sliced('# nothing yet\n'))).toEqual(
      seen(loadWorkspace([{ name: 'big.yaml', text: '# nothing yet\n' }])),
    );
  });

  it('gives the page back between slices and says how far it has come', async () => {
    const text = generateWorkspaceText(300);
    const progress: number[] = [];
    let yields = 0;
    await loadWorkspaceInSlices([{ name: 'big.yaml', text }], {
      sliceMs: 0,
      yieldNow: async () => {
        yields++;
      },
      onProgress: ({ done, total }) => progress.push(done / total),
    });
    expect(yields).toBeGreaterThan(3);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('stops when the import is cancelled', async () => {
    const controller = new AbortController();
    const load = loadWorkspaceInSlices([{ name: 'big.yaml', text: generateWorkspaceText(300) }], {
      sliceMs: 0,
      yieldNow: async () => controller.abort(new Error('cancelled')),
      signal: controller.signal,
    });
    await expect(load).rejects.toThrow('cancelled');
  });
});
