import { rangeAt } from '../yaml/path.ts';
import { type Entry, entries, fileText, type SourceText, type Workspace } from './workspace.ts';

/**
 * The workspace as one multi-document YAML text for `kubectl apply -f`: the files in order,
 * each exactly as it is, with a `---` between files where one is needed.
 */
export function joinedYaml(workspace: Workspace): string {
  let out = '';
  for (const file of workspace.files) {
    const text = fileText(file);
    if (text.trim() === '') continue;
    if (out !== '') {
      if (!out.endsWith('\n')) out += '\n';
      if (!/^(\s*#.*\n)*---/.test(text)) out += '---\n';
    }
    out += text;
  }
  return out;
}

/**
 * One file per resource, named `kind-namespace-name.yaml` (a number added where names repeat),
 * plus a `kustomization.yaml` that lists them: the layout a GitOps repository wants. Each file
 * holds its document's text as written, comments included, without the `---` that separated it.
 */
export function resourceFiles(workspace: Workspace): SourceText[] {
  const out: SourceText[] = [];
  const used = new Set<string>(['kustomization.yaml']);
  for (const entry of entries(workspace)) {
    const { kind, metadata } = entry.object;
    const base = [kind, metadata.namespace, metadata.name || 'unnamed']
      .map((part) => part.toLowerCase().replace(/[^a-z0-9.-]+/g, '-'))
      .join('-');
    let name = `${base}.yaml`;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}.yaml`;
    used.add(name);
    const text = entry.base.length
      ? itemText(entry)
      : entry.doc.text.replace(/^(?:---[ \t]*\r?\n)/m, (marker, offset: number, all: string) =>
          /^(\s*#.*\n)*$/.test(all.slice(0, offset)) ? '' : marker,
        );
    out.push({ name, text: text.endsWith('\n') ? text : `${text}\n` });
  }
  const kustomization = [
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    ...out.map((file) => `- ${file.name}`),
    '',
  ].join('\n');
  return [...out, { name: 'kustomization.yaml', text: kustomization }];
}

/**
 * An item of a List as a document of its own: its text as written in the List, moved left by
 * the item's indentation (a JSON item stays JSON).
 */
function itemText(entry: Entry): string {
  const { doc } = entry;
  const range = rangeAt(doc.document.contents as Parameters<typeof rangeAt>[0], entry.base);
  if (!range) return '';
  const start = range[0] - doc.base;
  const text = doc.text.slice(start, range[1] - doc.base).trimEnd();
  const column = start - (doc.text.lastIndexOf('\n', start - 1) + 1);
  const indent = new RegExp(`^[ ]{0,${column}}`);
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? line : line.replace(indent, '')))
    .join('\n');
}
