import type { IngressBackend } from '../../model/ingress.ts';
import type { IndexedIngress } from '../../workspace/ingressIndex.ts';
import type { Path } from '../../yaml/path.ts';

/** One backend of an Ingress, where it is written and how a message names it. */
export interface PlacedBackend {
  readonly backend: IngressBackend;
  /** The `backend` (or `defaultBackend`) node. */
  readonly path: Path;
  /** `Ingress shop/web path shop.example.com /cart`. */
  readonly what: string;
}

/** Every backend an Ingress writes: each path's, then the default backend. */
export function ingressBackends({ entry, ingress, paths }: IndexedIngress): PlacedBackend[] {
  const name = `Ingress ${ingress.metadata.namespace}/${ingress.metadata.name}`;
  const out: PlacedBackend[] = [];
  for (const at of paths) {
    if (!at.value.backend) continue;
    out.push({
      backend: at.value.backend,
      path: ['spec', 'rules', at.rule, 'http', 'paths', at.path, 'backend'],
      what: `${name} path ${at.host || '*'} ${at.value.path ?? '/'}`,
    });
  }
  if (ingress.defaultBackend) {
    const spec = entry.plain.spec;
    const legacy = typeof spec === 'object' && spec !== null && !('defaultBackend' in spec);
    out.push({
      backend: ingress.defaultBackend,
      path: ['spec', legacy ? 'backend' : 'defaultBackend'],
      what: `${name}'s default backend`,
    });
  }
  return out;
}
