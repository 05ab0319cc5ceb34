import { entries, fileText, type SourceText, type Workspace } from './workspace.ts';

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
    const text = entry.doc.text.replace(
      /^(?:---[ \t]*\r?\n)/m,
      (marker, offset: number, all: string) =>
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
