import { type Dict, isRecord, labels, list, num, record, str, strings } from './read.ts';
import { type ObjectHeader, readHeader } from './resource.ts';

/** Istio `ServiceEntry`: a host the mesh should know about (often an external one). */
export interface ServiceEntry extends ObjectHeader {
  readonly kind: 'ServiceEntry';
  readonly hosts: readonly string[];
  readonly ports: readonly {
    readonly number: number | undefined;
    readonly protocol: string;
    readonly name: string;
  }[];
  readonly location: string | undefined;
  readonly resolution: string | undefined;
  readonly workloadSelector: Dict<string> | undefined;
  readonly exportTo: readonly string[] | undefined;
}

export function readServiceEntry(raw: Record<string, unknown>): ServiceEntry {
  const spec = record(raw.spec);
  return {
    ...readHeader(raw),
    kind: 'ServiceEntry',
    hosts: strings(spec.hosts),
    ports: list(spec.ports, (p) => {
      const port = record(p);
      return {
        number: num(port.number),
        protocol: (str(port.protocol) ?? '').toUpperCase(),
        name: str(port.name) ?? '',
      };
    }),
    location: str(spec.location),
    resolution: str(spec.resolution),
    workloadSelector: isRecord(spec.workloadSelector)
      ? labels(spec.workloadSelector.labels)
      : undefined,
    exportTo: Array.isArray(spec.exportTo) ? strings(spec.exportTo) : undefined,
  };
}
