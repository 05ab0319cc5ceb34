import { type Dict, labels, list, num, record, str } from './read.ts';
import { type ObjectHeader, readHeader } from './resource.ts';

/**
 * Kubernetes `Deployment` and `Pod`: what stands for running pods. A Deployment's pods carry
 * its pod template's labels; the designer treats both kinds the same way through `podLabels`.
 */
export interface Deployment extends ObjectHeader {
  readonly kind: 'Deployment';
  readonly replicas: number | undefined;
  readonly podLabels: Dict<string>;
  readonly containers: readonly Container[];
}

export interface Pod extends ObjectHeader {
  readonly kind: 'Pod';
  readonly podLabels: Dict<string>;
  readonly containers: readonly Container[];
}

export interface Container {
  readonly name: string;
  readonly image: string | undefined;
  readonly ports: readonly {
    readonly containerPort: number | undefined;
    readonly name: string | undefined;
  }[];
  readonly resources: Readonly<Record<string, unknown>> | undefined;
}

export type Workload = Deployment | Pod;

export function readDeployment(raw: Record<string, unknown>): Deployment {
  const spec = record(raw.spec);
  const template = record(spec.template);
  return {
    ...readHeader(raw),
    kind: 'Deployment',
    replicas: num(spec.replicas),
    podLabels: labels(record(template.metadata).labels),
    containers: readContainers(record(template.spec).containers),
  };
}

export function readPod(raw: Record<string, unknown>): Pod {
  const header = readHeader(raw);
  return {
    ...header,
    kind: 'Pod',
    podLabels: header.metadata.labels,
    containers: readContainers(record(raw.spec).containers),
  };
}

function readContainers(raw: unknown): Container[] {
  return list(raw, (c) => {
    const container = record(c);
    const resources = record(container.resources);
    return {
      name: str(container.name) ?? '',
      image: str(container.image),
      ports: list(container.ports, (p) => ({
        containerPort: num(record(p).containerPort),
        name: str(record(p).name),
      })),
      resources: Object.keys(resources).length ? resources : undefined,
    };
  });
}
