/**
 * The Gateway API CRDs' own validation, as the API server applies it: the OpenAPI schema (the
 * validators `@kubernetes-models/gateway-api` compiles from the published CRDs, for the version
 * the manifest is written in where the package has it, else v1) and the CEL rules
 * (`celRoutes.ts`, `celGateway.ts`). Where the schema finds a wrong type the rules say nothing
 * below it; where a rule speaks about a field its message replaces the schema's.
 */
import { Gateway } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import { GatewayClass } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GatewayClass';
import { GRPCRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GRPCRoute';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { ReferenceGrant } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/ReferenceGrant';
import { TLSRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/TLSRoute';
import { TCPRoute as TCPRouteV1alpha2 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1alpha2/TCPRoute';
import { TLSRoute as TLSRouteV1alpha2 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1alpha2/TLSRoute';
import { GATEWAY_API_GROUP, K8S_GATEWAY } from '../../model/gatewayApi.ts';
import { isModelled } from '../../model/kinds.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { Check, Finding } from '../finding.ts';
import type { Issue } from '../structure/report.ts';
import { type Validate, validatorIssues } from '../structure/schema.ts';
import { withSchemaIssues } from '../structure/validation.ts';
import type { Plain } from '../structure/values.ts';
import { gatewayCelIssues } from './celGateway.ts';
import { routeCelIssues } from './celRoutes.ts';

interface KindValidation {
  /** Validators by version; `v1` (else the first) serves a version the package lacks. */
  readonly schemas: Readonly<Record<string, Validate>>;
  readonly rules: (doc: Plain) => readonly Issue[];
}

const none = () => [];
const route = (kind: string) => (doc: Plain) => routeCelIssues(kind, doc).issues;

/** By the designer's typed kind (a Gateway API Gateway is `K8S_GATEWAY`). */
const KINDS: Readonly<Record<string, KindValidation>> = {
  GatewayClass: { schemas: { v1: GatewayClass.prototype.validate }, rules: none },
  [K8S_GATEWAY]: {
    schemas: { v1: Gateway.prototype.validate },
    rules: (doc) => gatewayCelIssues(doc).issues,
  },
  HTTPRoute: { schemas: { v1: HTTPRoute.prototype.validate }, rules: route('HTTPRoute') },
  GRPCRoute: { schemas: { v1: GRPCRoute.prototype.validate }, rules: route('GRPCRoute') },
  TLSRoute: {
    schemas: { v1: TLSRoute.prototype.validate, v1alpha2: TLSRouteV1alpha2.prototype.validate },
    rules: route('TLSRoute'),
  },
  TCPRoute: {
    schemas: { v1alpha2: TCPRouteV1alpha2.prototype.validate },
    rules: route('TCPRoute'),
  },
  ReferenceGrant: { schemas: { v1: ReferenceGrant.prototype.validate }, rules: none },
};

/** Issues depend on the document alone; an edit reuses every untouched document's plain values. */
const cache = new WeakMap<object, readonly Issue[]>();

export const gatewayApiValidation: Check = (context) => {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const entry of context.entries) {
    const object = entry.object;
    if (!isModelled(object) || seen.has(entry.id)) continue;
    const kind = KINDS[object.kind];
    if (!kind) continue;
    seen.add(entry.id);
    let issues = cache.get(entry.plain);
    if (!issues) {
      issues = documentIssues(kind, context.raw(entry));
      cache.set(entry.plain, issues);
    }
    for (const issue of issues) out.push({ ...issue, resource: entry.id, at: entryAddress(entry) });
  }
  return out;
};

function documentIssues(kind: KindValidation, doc: Plain): Issue[] {
  const written = String(doc.apiVersion ?? '').slice(GATEWAY_API_GROUP.length + 1);
  const version = kind.schemas[written]
    ? written
    : kind.schemas.v1
      ? 'v1'
      : Object.keys(kind.schemas)[0];
  const validate = version ? kind.schemas[version] : undefined;
  const schema = validate ? validatorIssues(validate, doc, `${GATEWAY_API_GROUP}/${version}`) : [];
  return withSchemaIssues(kind.rules(doc), schema, (issue) => ({
    code: 'gwapi-schema',
    severity: 'error',
    path: issue.path,
    message: `${issue.message} (the Gateway API CRD's schema; the API server refuses it)`,
  }));
}
