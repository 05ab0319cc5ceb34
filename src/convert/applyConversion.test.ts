import { describe, expect, it } from 'vitest';
import { applyCommand } from '../edit/applyCommand.ts';
import { dedent } from '../testing/dedent.ts';
import { entries, fileText, loadWorkspace, type Workspace } from '../workspace/workspace.ts';
import { conversionCommand, replacedText } from './applyConversion.ts';
import { convert } from './convert.ts';
import { FANOUT, SERVICES } from './ingressTestDesigns.ts';

const services = dedent(SERVICES);
const fanout = dedent(FANOUT);

function applied(workspace: Workspace, mode: 'replace' | 'add'): Workspace {
  const result = applyCommand(
    workspace,
    conversionCommand(workspace, convert(workspace, 'gateway-api'), mode).command,
  );
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const kinds = (workspace: Workspace) =>
  entries(workspace).map((e) => `${e.file}: ${e.object.kind}`);

describe('applying a conversion', () => {
  it('replaces the Ingress with the converted files and keeps the rest as written', () => {
    const source = loadWorkspace([
      { name: 'app.yaml', text: `# our services\n${services}---\n${fanout}` },
    ]);
    const after = applied(source, 'replace');
    expect(kinds(after)).toEqual([
      'app.yaml: Service',
      'app.yaml: Service',
      'app.yaml: Service',
      'converted-from-ingress.yaml: Gateway.gateway.networking.k8s.io',
      'converted-from-ingress.yaml: HTTPRoute',
    ]);
    // The documents the conversion does not touch come back byte for byte, comment included.
    expect(fileText(after.files[0] as never)).toBe(`# our services\n${services}`);
  });

  it('removes a file the converted resources filled, rather than leave it empty', () => {
    const source = loadWorkspace([
      { name: 'services.yaml', text: services },
      { name: 'ingress.yaml', text: fanout },
    ]);
    expect(applied(source, 'replace').files.map((f) => f.name)).toEqual([
      'services.yaml',
      'converted-from-ingress.yaml',
    ]);
  });

  it('adds the converted files next to the source, under a name not yet taken', () => {
    const source = loadWorkspace([
      { name: 'ingress.yaml', text: `${services}---\n${fanout}` },
      { name: 'converted-from-ingress.yaml', text: '# an older try\n' },
    ]);
    const after = applied(source, 'add');
    expect(after.files.map((f) => f.name)).toEqual([
      'ingress.yaml',
      'converted-from-ingress.yaml',
      'converted-from-ingress-2.yaml',
    ]);
    expect(kinds(after).filter((k) => k.endsWith('Ingress'))).toEqual(['ingress.yaml: Ingress']);
  });

  it('shows the source of what it converts, each document once', () => {
    const source = loadWorkspace([{ name: 'app.yaml', text: `${services}---\n${fanout}` }]);
    const text = replacedText(source, convert(source, 'gateway-api'));
    expect(text).toBe(fanout);
  });
});
