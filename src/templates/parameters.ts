import {
  dnsLabelField,
  durationField,
  gatewayHostField,
  hostField,
  percentageField,
} from '../rules/fields.ts';
import { gatewayHostnameField } from '../rules/gatewayApiFields.ts';
import { durationNs } from '../rules/goDuration.ts';
import { API_PARAMETER, apiOf } from './designApi.ts';
import { type ParameterSpec, type ParameterValidator, text } from './scenario.ts';

/**
 * Parameters most scenarios share, and the few checks fields.ts does not have because they are
 * about Kubernetes rather than Istio (lower-case names, quantities, whole numbers).
 */

/** Runs validators in order and keeps the first message. */
export function all(...validators: ParameterValidator[]): ParameterValidator {
  return (value, params) => {
    for (const validate of validators) {
      const problem = validate(value, params);
      if (problem) return problem;
    }
    return undefined;
  };
}

/**
 * A Kubernetes object name that also names a Service: a DNS-1035 label (lower case, starting
 * with a letter). `suffix` is the longest suffix the scenario adds (`-gateway`), which must
 * still fit the 63 characters of a label.
 */
export function resourceName(suffix: string): ParameterValidator {
  return all(dnsLabelField, (value) => {
    const name = String(value);
    if (name !== name.toLowerCase()) return 'Use lower case: Kubernetes names are lower case';
    if (!/^[a-z]/.test(name)) return 'Start with a letter: it also names a Service';
    if (name.length + suffix.length > 63)
      return `At most ${63 - suffix.length} characters: "${name}${suffix}" must fit in 63`;
    return undefined;
  });
}

/** A Secret name: a lower-case DNS subdomain (`shop-credential`, `shop.example.com`). */
export const secretName: ParameterValidator = (value) => {
  const name = String(value);
  if (name.length > 253) return 'At most 253 characters';
  return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name)
    ? undefined
    : 'Use lower case letters, digits, inner dashes and dots';
};

/** A namespace: a lower-case DNS label. */
export const namespaceName: ParameterValidator = all(dnsLabelField, (value) =>
  String(value) === String(value).toLowerCase() ? undefined : 'Use lower case',
);

/** A whole number in a range (replicas, weights, tokens). */
export function integerIn(min: number, max: number): ParameterValidator {
  return (value) => {
    const n = typeof value === 'number' ? value : Number.NaN;
    if (!Number.isInteger(n)) return `Enter a whole number from ${min} to ${max}`;
    return n < min || n > max ? `Must be from ${min} to ${max}` : undefined;
  };
}

/**
 * A host a Gateway server and a VirtualService both accept: `shop.example.com`, `*.example.com`;
 * in the Gateway API, one a listener's and an HTTPRoute's `hostname` accept.
 */
export const gatewayHost: ParameterValidator = all(
  (value) =>
    String(value).includes('/')
      ? 'Write the host alone: the scenario binds its own Gateway'
      : undefined,
  hostField,
  gatewayHostField,
  (value, params) => (apiOf(params) === 'gateway-api' ? gatewayHostnameField(value) : undefined),
);

/** A route weight in percent: Istio weights are whole numbers. */
export const weightPercent: ParameterValidator = all(percentageField, (value) =>
  Number.isInteger(value) ? undefined : 'Use a whole number: route weights are integers',
);

/** A duration of at least `minMs` milliseconds (Envoy refuses refills under 50ms). */
export function durationAtLeast(minMs: number): ParameterValidator {
  return all(durationField, (value) => {
    const ns = durationNs(String(value));
    return ns !== undefined && ns < BigInt(minMs) * 1_000_000n
      ? `Must be at least ${minMs}ms`
      : undefined;
  });
}

/** The name of the Gateway's pods and of the resources around them. */
export function nameParam(defaultName: string, suffix: string, label = 'Name'): ParameterSpec {
  return {
    key: 'name',
    label,
    help: 'Names every resource the scenario adds (shop → Gateway shop-gateway, VirtualService or HTTPRoute shop…)',
    type: 'text',
    default: defaultName,
    validate: resourceName(suffix),
  };
}

export function namespaceParam(defaultNamespace: string, label = 'Namespace'): ParameterSpec {
  return {
    key: 'namespace',
    label,
    type: 'text',
    default: defaultNamespace,
    validate: namespaceName,
  };
}

/**
 * Where the Gateway resource goes. An Istio Gateway stays with the gateway pods in istio-system,
 * as the seed does; a Gateway API Gateway brings its own pods, which Istio deploys in the
 * Gateway's namespace, so it goes with the app, as Istio's Gateway API samples do.
 */
export const GATEWAY_NAMESPACE: ParameterSpec = {
  key: 'gatewayNamespace',
  label: 'Gateway namespace',
  help: 'Namespace of the Gateway resource (Istio API: istio-system, with the gateway pods; Gateway API: the app’s, where Istio deploys its gateway)',
  type: 'text',
  default: (params) =>
    apiOf(params) === 'gateway-api' ? text(params, 'namespace') : 'istio-system',
  validate: namespaceName,
};

export const HOST: ParameterSpec = {
  key: 'host',
  label: 'Host',
  help: 'The host name clients use; the Gateway listens for it and the VirtualService (HTTPRoute) routes it',
  type: 'text',
  default: (params) => `${String(params.name ?? 'app')}.example.com`,
  validate: gatewayHost,
};

/**
 * The longest suffix a Gateway API design adds to the name: Istio names the gateway it deploys
 * for Gateway `<name>-gateway` `<name>-gateway-istio`.
 */
export const GATEWAY_API_SUFFIX = '-gateway-istio';

/** The parameters every routing scenario starts with. */
export function appParameters(suffix: string): ParameterSpec[] {
  const name = nameParam('shop', suffix);
  const longer = resourceName(GATEWAY_API_SUFFIX);
  return [
    {
      ...name,
      validate: (value, params) =>
        (apiOf(params) === 'gateway-api' ? longer : name.validate)(value, params),
    },
    namespaceParam('default'),
    GATEWAY_NAMESPACE,
    HOST,
  ];
}

/**
 * The parameters of a scenario written in either API: the API first, since the names, the
 * Gateway's namespace and the host follow it.
 */
export function eitherApiParameters(suffix: string): ParameterSpec[] {
  return [API_PARAMETER, ...appParameters(suffix)];
}

/** A `number` parameter. */
export function numberParam(
  key: string,
  label: string,
  defaultValue: number,
  validate: ParameterValidator,
  help?: string,
): ParameterSpec {
  return {
    key,
    label,
    type: 'number',
    default: defaultValue,
    validate,
    ...(help === undefined ? {} : { help }),
  };
}

/** A `text` parameter. */
export function textParam(
  key: string,
  label: string,
  defaultValue: string,
  validate: ParameterValidator,
  help?: string,
): ParameterSpec {
  return {
    key,
    label,
    type: 'text',
    default: defaultValue,
    validate,
    ...(help === undefined ? {} : { help }),
  };
}
