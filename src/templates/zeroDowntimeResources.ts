import { ZONE_KEY } from '../forms/rolloutForm.ts';
import { PROXY_READINESS } from '../model/gatewayProxy.ts';
import { selects } from '../model/labels.ts';
import {
  DEFAULT_GRACE_PERIOD_SECONDS,
  gracePeriodFor,
  PROXY_CONFIG_ANNOTATION,
  terminationDrainSeconds,
  withTerminationDrain,
} from '../model/proxyDrain.ts';
import { isRecord } from '../model/read.ts';
import type { Path } from '../yaml/path.ts';
import type { Extension } from './extend.ts';
import type { GatewayPods } from './gatewayPods.ts';
import type { Manifest } from './manifests.ts';
import type { PackPart } from './packParts.ts';
import { DEFAULT_RESOURCES, proxyIndex } from './scalingParameters.ts';
import { BUDGET, gatewayDeployment } from './scalingResources.ts';

/**
 * What the zero-downtime pack sets on the gateway Deployment, written once for both a new
 * Deployment and one that exists (`Fields` is an `Extension`, or a draft of the new manifest).
 */

export interface Rollout {
  readonly pods: GatewayPods;
  /** `maxSurge`: a count or a percentage (`maxUnavailable` is always 0). */
  readonly maxSurge: number | string;
  readonly drainSeconds: number;
  readonly maxSkew: number;
  readonly whenUnsatisfiable: string;
  /** An autoscaler targets the Deployment: it owns the replica count. */
  readonly autoscaled: boolean;
}

/** Where the pack reads and writes: an existing resource, or a new manifest being drafted. */
export type Fields = Pick<Extension, 'at' | 'set' | 'remove' | 'append' | 'refuse'>;

/**
 * The probe as Istio's injection template writes it (its `readinessPeriodSeconds` and
 * `readinessFailureThreshold` defaults): a proxy that cannot serve leaves the endpoints within
 * a minute, and a new pod takes traffic only once Envoy has its configuration.
 */
const READINESS_PROBE = {
  httpGet: { ...PROXY_READINESS },
  periodSeconds: 15,
  failureThreshold: 4,
} as const;

/** Kubernetes' own default when `replicas` is unset. */
const DEFAULT_REPLICAS = 1;

/**
 * Replicas a budget of `minAvailable: 1` needs to let a drain evict one pod: with fewer, every
 * node drain waits for ever.
 */
const MIN_REPLICAS = 2;

/** A new Deployment's proxy gets the istio/gateway chart's requests and limits, as the scaling pack's. */
const CHART_RESOURCES = {
  requests: { cpu: DEFAULT_RESOURCES.cpuRequest, memory: DEFAULT_RESOURCES.memoryRequest },
  limits: { cpu: DEFAULT_RESOURCES.cpuLimit, memory: DEFAULT_RESOURCES.memoryLimit },
} as const;

const TEMPLATE: Path = ['spec', 'template'];
const POD: Path = [...TEMPLATE, 'spec'];

/** Sets the pack's fields: strategy, readiness probe, termination drain, zone spread. */
export function applyRollout(d: Fields, rollout: Rollout): void {
  const replicas = d.at(['spec', 'replicas']);
  if (
    !rollout.autoscaled &&
    (typeof replicas === 'number' ? replicas : DEFAULT_REPLICAS) < MIN_REPLICAS
  )
    d.set(['spec', 'replicas'], MIN_REPLICAS);
  // maxUnavailable 0: an old pod goes only once its replacement is ready.
  d.set(['spec', 'strategy', 'type'], 'RollingUpdate');
  d.set(['spec', 'strategy', 'rollingUpdate', 'maxSurge'], rollout.maxSurge);
  d.set(['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'], 0);
  const index = proxyIndex(d);
  if (index === -1) {
    d.refuse('The gateway Deployment has no container to probe');
    return;
  }
  readiness(d, [...POD, 'containers', index, 'readinessProbe']);
  drain(d, rollout.drainSeconds);
  zoneSpread(d, rollout);
}

function readiness(d: Fields, probe: Path): void {
  if (!isRecord(d.at(probe))) {
    d.set(probe, READINESS_PROBE);
    return;
  }
  // A probe has one handler: the proxy's HTTP endpoint replaces any other.
  for (const handler of ['exec', 'tcpSocket', 'grpc']) d.remove([...probe, handler]);
  d.set([...probe, 'httpGet', 'path'], PROXY_READINESS.path);
  d.set([...probe, 'httpGet', 'port'], PROXY_READINESS.port);
}

function drain(d: Fields, seconds: number): void {
  const annotation: Path = [...TEMPLATE, 'metadata', 'annotations', PROXY_CONFIG_ANNOTATION];
  const written = d.at(annotation);
  if (terminationDrainSeconds(written) !== seconds) {
    const next = withTerminationDrain(written, seconds);
    if (next === undefined)
      d.refuse(`The gateway's ${PROXY_CONFIG_ANNOTATION} annotation is not a ProxyConfig map`);
    else d.set(annotation, next);
  }
  const gracePath: Path = [...POD, 'terminationGracePeriodSeconds'];
  const grace = d.at(gracePath);
  const needed = gracePeriodFor(seconds);
  const current = typeof grace === 'number' ? grace : DEFAULT_GRACE_PERIOD_SECONDS;
  // Written even when Kubernetes' default would do, so the drain and its bound read together.
  if (typeof grace !== 'number' || grace < needed) d.set(gracePath, Math.max(needed, current));
}

function zoneSpread(d: Fields, rollout: Rollout): void {
  const path: Path = [...POD, 'topologySpreadConstraints'];
  const list = d.at(path);
  const index = Array.isArray(list)
    ? list.findIndex((c) => isRecord(c) && c.topologyKey === ZONE_KEY)
    : -1;
  const matchLabels = d.at(['spec', 'selector', 'matchLabels']);
  const selector = isRecord(matchLabels) ? { ...matchLabels } : { ...rollout.pods.selector };
  if (index === -1) {
    d.append(path, {
      maxSkew: rollout.maxSkew,
      topologyKey: ZONE_KEY,
      whenUnsatisfiable: rollout.whenUnsatisfiable,
      labelSelector: { matchLabels: selector },
    });
    return;
  }
  d.set([...path, index, 'maxSkew'], rollout.maxSkew);
  d.set([...path, index, 'whenUnsatisfiable'], rollout.whenUnsatisfiable);
  const labels = d.at([...TEMPLATE, 'metadata', 'labels']);
  const written = d.at([...path, index, 'labelSelector', 'matchLabels']);
  const counts =
    isRecord(written) &&
    selects(
      written as Record<string, string>,
      (isRecord(labels) ? labels : rollout.pods.podLabels) as Record<string, string>,
    );
  // A constraint that counts other pods spreads nothing of the gateway's.
  if (!counts && d.at([...path, index, 'labelSelector', 'matchExpressions']) === undefined)
    d.set([...path, index, 'labelSelector'], { matchLabels: selector });
}

/** A new manifest as plain values, written through the same `Fields` as an existing one. */
class Draft implements Fields {
  constructor(readonly value: Record<string, unknown>) {}

  at(path: Path): unknown {
    let node: unknown = this.value;
    for (const key of path)
      node = isRecord(node) || Array.isArray(node) ? node[key as never] : undefined;
    return node;
  }

  set(path: Path, value: unknown): void {
    const parent = this.parent(path);
    parent[path[path.length - 1] as never] = structuredClone(value) as never;
  }

  remove(path: Path): void {
    const parent = this.at(path.slice(0, -1));
    if (isRecord(parent)) delete parent[String(path[path.length - 1])];
  }

  append(path: Path, value: unknown): void {
    const list = this.at(path);
    if (Array.isArray(list)) list.push(structuredClone(value));
    else this.set(path, [value]);
  }

  refuse(): void {
    // A new Deployment always has the proxy container and no annotation to mend.
  }

  /** The map or list holding the last key of `path`, created as maps on the way. */
  private parent(path: Path): Record<string, unknown> {
    let node: Record<string, unknown> = this.value;
    for (const key of path.slice(0, -1)) {
      const next = node[key as never];
      if (!isRecord(next) && !Array.isArray(next)) node[key as never] = {} as never;
      node = node[key as never] as Record<string, unknown>;
    }
    return node;
  }
}

const ROLLOUT_DEPLOYMENT: PackPart<Rollout> = {
  kind: 'Deployment',
  create(rollout) {
    const draft = new Draft(
      structuredClone(gatewayDeployment(rollout.pods, { resources: CHART_RESOURCES })) as never,
    );
    applyRollout(draft, rollout);
    // Kubernetes' own order: the strategy before the pod template it rolls out.
    const { replicas, selector, template, ...rest } = draft.value.spec as Record<string, unknown>;
    const spec = { ...(replicas === undefined ? {} : { replicas }), selector, ...rest, template };
    return { ...draft.value, spec } as unknown as Manifest;
  },
  extend: applyRollout,
};

/** In the order they are added: what protects the pods, then what runs them. */
export const ROLLOUT_PARTS: readonly PackPart<Rollout>[] = [BUDGET, ROLLOUT_DEPLOYMENT];
