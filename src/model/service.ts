import { type Dict, isRecord, labels, list, num, record, str } from './read.ts';
import { type ObjectHeader, readHeader } from './resource.ts';

/** Kubernetes `Service`. For the ingress gateway, the one of type LoadBalancer is the external entry. */
export interface Service extends ObjectHeader {
  readonly kind: 'Service';
  readonly type: string;
  /** Absent: the Service selects no pods itself (endpoints are managed by hand). */
  readonly selector: Dict<string> | undefined;
  readonly ports: readonly ServicePort[];
}

export interface ServicePort {
  readonly name: string | undefined;
  readonly port: number | undefined;
  /** A number, or the name of a container port. Defaults to `port`. */
  readonly targetPort: number | string | undefined;
  readonly protocol: string;
  readonly nodePort: number | undefined;
}

export function readService(raw: Record<string, unknown>): Service {
  const spec = record(raw.spec);
  return {
    ...readHeader(raw),
    kind: 'Service',
    type: str(spec.type) ?? 'ClusterIP',
    selector: isRecord(spec.selector) ? labels(spec.selector) : undefined,
    ports: list(spec.ports, (p) => {
      const port = record(p);
      const target = port.targetPort;
      return {
        name: str(port.name),
        port: num(port.port),
        targetPort: typeof target === 'number' || typeof target === 'string' ? target : undefined,
        protocol: str(port.protocol) ?? 'TCP',
        nodePort: num(port.nodePort),
      };
    }),
  };
}
