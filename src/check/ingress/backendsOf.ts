import type { IngressBackend } from '../../model/ingress.ts';
import type { IndexedIngress } from '../../workspace/ingressIndex.ts';
import type { Entry } from '../../workspace/workspace.ts';
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
  if (ingress.defaultBackend)
    out.push({
      backend: ingress.defaultBackend,
      path: defaultBackendPath(entry),
      what: `${name}'s default backend`,
    });
  return out;
}

/** Where the default backend is written: `spec.defaultBackend`, or v1beta1's `spec.backend`. */
export function defaultBackendPath(entry: Entry): Path {
  const spec = entry.plain.spec;
  const legacy = typeof spec === 'object' && spec !== null && !('defaultBackend' in spec);
  return ['spec', legacy ? 'backend' : 'defaultBackend'];
}
