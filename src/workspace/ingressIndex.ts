/**
 * The Kubernetes Ingresses of a workspace, joined once: each Ingress with the class it asks for,
 * the controller that serves that class and its paths with their positions, grouped by class.
 * The graph, checks, converters and simulator read this index so they agree on which controller
 * answers an Ingress. Cached per workspace.
 */
import {
  type Ingress,
  type IngressClass,
  type IngressPathAt,
  ingressClassOf,
  ingressPathsOf,
} from '../model/ingress.ts';
import type { IngressReading } from '../model/ingressPaths.ts';
import { isModelled } from '../model/kinds.ts';
import { type Entry, entries, type Workspace } from './workspace.ts';

/** The readings of the controllers the designer simulates. */
export type ControllerReading = Exclude<IngressReading, 'spec'>;

export const NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
export const ISTIO_INGRESS_CONTROLLER = 'istio.io/ingress-controller';

/**
 * The controllers the designer simulates, by IngressClass `spec.controller`, and the class names
 * they answer when the workspace holds no IngressClass of that name (each install creates one:
 * `nginx` by the ingress-nginx chart; Istio reads the `istio` class annotation, mesh `ingressClass`).
 */
const CONTROLLERS: Readonly<Record<string, ControllerReading>> = {
  [NGINX_CONTROLLER]: 'nginx',
  [ISTIO_INGRESS_CONTROLLER]: 'istio',
};
const IMPLIED_CLASSES: Readonly<Record<string, string>> = {
  nginx: NGINX_CONTROLLER,
  istio: ISTIO_INGRESS_CONTROLLER,
};

export interface IndexedIngress {
  readonly entry: Entry;
  readonly ingress: Ingress;
  /**
   * The class it is served as: the annotation, else `ingressClassName`, else the workspace's
   * default IngressClass (the API server fills it in on admission); undefined when none.
   */
  readonly className: string | undefined;
  /** The IngressClass's controller, or the one implied by a well-known class name. */
  readonly controller: string | undefined;
  /** How its paths are matched: undefined when no simulated controller serves its class. */
  readonly reading: ControllerReading | undefined;
  /** Its paths in YAML order, `index` counting across rules. */
  readonly paths: readonly IngressPathAt[];
}

export interface IngressIndex {
  readonly ingresses: readonly IndexedIngress[];
  readonly classes: readonly IngressClass[];
  /** Ingresses by class name (`''` for those with none), in workspace order. */
  readonly byClass: ReadonlyMap<string, readonly IndexedIngress[]>;
}

const cache = new WeakMap<Workspace, IngressIndex>();

export function ingressIndex(workspace: Workspace): IngressIndex {
  const cached = cache.get(workspace);
  if (cached) return cached;
  const index = buildIndex(entries(workspace));
  cache.set(workspace, index);
  return index;
}

function buildIndex(all: readonly Entry[]): IngressIndex {
  const classes: IngressClass[] = [];
  const found: { entry: Entry; ingress: Ingress }[] = [];
  const seen = new Set<string>();
  for (const entry of all) {
    // A repeated id (invalid workspace) is read from its first document only, as the graph does.
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    const object = entry.object;
    if (!isModelled(object)) continue;
    if (object.kind === 'IngressClass') classes.push(object);
    else if (object.kind === 'Ingress') found.push({ entry, ingress: object });
  }
  const defaultClass = classes.find((c) => c.isDefault)?.metadata.name;
  const ingresses = found.map(({ entry, ingress }): IndexedIngress => {
    const className = ingressClassOf(ingress) ?? defaultClass;
    const written = classes.find((c) => c.metadata.name === className);
    const controller = written
      ? written.controller
      : className !== undefined && Object.hasOwn(IMPLIED_CLASSES, className)
        ? IMPLIED_CLASSES[className]
        : undefined;
    return {
      entry,
      ingress,
      className,
      controller,
      reading:
        controller !== undefined && Object.hasOwn(CONTROLLERS, controller)
          ? CONTROLLERS[controller]
          : undefined,
      paths: ingressPathsOf(ingress),
    };
  });
  const byClass = new Map<string, IndexedIngress[]>();
  for (const indexed of ingresses) {
    const key = indexed.className ?? '';
    const group = byClass.get(key) ?? [];
    if (group.length === 0) byClass.set(key, group);
    group.push(indexed);
  }
  return { ingresses, classes, byClass };
}
