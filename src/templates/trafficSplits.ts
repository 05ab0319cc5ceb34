import { fail } from '../edit/command.ts';
import { headerNameField } from '../rules/fields.ts';
import {
  gatewayHeaderNameField,
  headerMatchValueField,
  pathValueField,
} from '../rules/gatewayApiFields.ts';
import { APP_SUFFIX, readApp } from './app.ts';
import { apiOf } from './designApi.ts';
import { all, eitherApiParameters, numberParam, textParam, weightPercent } from './parameters.ts';
import { defineScenario, num, type ParameterValidator, type Scenario, text } from './scenario.ts';
import { designCommand } from './trafficDesign.ts';

/**
 * Scenarios that decide which version or service answers: by weight, header, switch or path.
 * Each is written in the API the `api` parameter names (trafficDesign.ts).
 */

export const BASIC: Scenario = defineScenario({
  id: 'basic',
  title: 'Gateway, route and subsets',
  description:
    'The seed design: a Gateway on port 80 for the host, a VirtualService that sends it to subset v1, a DestinationRule with subsets v1 and v2, the Service and a Deployment per version (placeholder images). The starting point the other scenarios refine.',
  gatewayApiDescription:
    'A Gateway of class istio with an HTTP listener on port 80 for the host (Istio deploys its pods and LoadBalancer Service, <name>-gateway-istio), an HTTPRoute that sends it to Service <name>-v1, a Service and a Deployment per version (placeholder images).',
  parameters: eitherApiParameters(APP_SUFFIX),
  create(params, workspace) {
    const app = readApp(params);
    return designCommand(app, workspace, apiOf(params), {
      rules: [{ name: app.name, to: [{ service: app.name, version: 'v1' }] }],
      backend: { versions: ['v1', 'v2'] },
    });
  },
});

export const CANARY: Scenario = defineScenario({
  id: 'canary',
  title: 'Canary by weight',
  description:
    'Sends a percentage of the requests to v2 and the rest to v1 (90/10 by default). Weights are relative; these two add up to 100 so they read as percentages. Raise the v2 weight step by step, then move it all.',
  gatewayApiDescription:
    'One HTTPRoute rule with two weighted backendRefs, Services <name>-v1 and <name>-v2 (90/10 by default; the Gateway API has no subsets: each version is a Service selecting its version label). Weights are relative; these add up to 100.',
  parameters: [
    ...eitherApiParameters(APP_SUFFIX),
    numberParam('percent', 'Canary percentage (v2)', 10, weightPercent),
  ],
  create(params, workspace) {
    const app = readApp(params);
    const canary = num(params, 'percent');
    return designCommand(app, workspace, apiOf(params), {
      rules: [
        {
          name: 'canary',
          to: [
            { service: app.name, version: 'v1', weight: 100 - canary },
            { service: app.name, version: 'v2', weight: canary },
          ],
        },
      ],
      backend: { versions: ['v1', 'v2'] },
    });
  },
});

/**
 * Istio matches header names in lower case (virtual_service.proto, `headers`); the Gateway API
 * matches them case-insensitively, so any case will do there.
 */
const istioHeader: ParameterValidator = all(headerNameField, (value) =>
  String(value) === String(value).toLowerCase()
    ? undefined
    : 'Use lower case: Istio requires header names in lower case',
);
const matchHeader: ParameterValidator = (value, params) =>
  apiOf(params) === 'gateway-api' ? gatewayHeaderNameField(value) : istioHeader(value, params);

/** A header value to match: HTTP header values hold no control characters but tab. */
const headerValue: ParameterValidator = all(headerMatchValueField, (value) =>
  [...String(value)].some((ch) => {
    const code = ch.charCodeAt(0);
    return (code <= 0x1f && code !== 0x09) || code === 0x7f;
  })
    ? 'No control characters'
    : undefined,
);

export const HEADER_BETA: Scenario = defineScenario({
  id: 'header-beta',
  title: 'Header-based beta',
  description:
    'Requests carrying the beta header with the given value go to v2; all others to v1. The beta rule comes first: the first matching rule wins.',
  gatewayApiDescription:
    'An HTTPRoute rule matching the beta header (Exact) sends to Service <name>-v2; a rule without matches sends the rest to <name>-v1. The Gateway API picks the rule with the most header matches, whatever the order.',
  parameters: [
    ...eitherApiParameters(APP_SUFFIX),
    textParam('header', 'Header name', 'x-beta', matchHeader),
    textParam('value', 'Header value', 'true', headerValue),
  ],
  create(params, workspace) {
    const app = readApp(params);
    return designCommand(app, workspace, apiOf(params), {
      rules: [
        {
          name: 'beta',
          header: { name: text(params, 'header'), value: text(params, 'value') },
          to: [{ service: app.name, version: 'v2' }],
        },
        { name: 'stable', to: [{ service: app.name, version: 'v1' }] },
      ],
      backend: { versions: ['v1', 'v2'] },
    });
  },
});

export const BLUE_GREEN: Scenario = defineScenario({
  id: 'blue-green',
  title: 'Blue/green switch',
  description:
    'Two complete versions, blue and green, side by side; all traffic goes to the live one. Switch by changing the subset of the live rule.',
  gatewayApiDescription:
    'Services <name>-blue and <name>-green, each over its own Deployment; the HTTPRoute sends everything to the live one. Switch by changing the backendRef.',
  parameters: [
    ...eitherApiParameters(APP_SUFFIX),
    {
      key: 'live',
      label: 'Live version',
      type: 'choice',
      options: ['blue', 'green'],
      default: 'blue',
      validate: () => undefined,
    },
  ],
  create(params, workspace) {
    const app = readApp(params);
    return designCommand(app, workspace, apiOf(params), {
      rules: [{ name: 'live', to: [{ service: app.name, version: text(params, 'live') }] }],
      backend: { versions: ['blue', 'green'] },
    });
  },
});

const gatewayPrefix = pathValueField('PathPrefix');

/** A URI prefix: starts with `/`, no spaces; in the Gateway API, what its path match takes. */
const uriPrefix: ParameterValidator = (value, params) => {
  const prefix = String(value);
  if (apiOf(params) === 'gateway-api') return gatewayPrefix(value);
  if (!prefix.startsWith('/')) return 'Start with /';
  return /\s/.test(prefix) ? 'No spaces' : undefined;
};

/**
 * Whether the second prefix's rule could never match. Istio takes the first rule that matches,
 * so a prefix the first one covers is dead (IST0130); the Gateway API takes the longest prefix,
 * so only the same prefix is.
 */
function shadowed(first: string, second: string, gatewayApi: boolean): string | undefined {
  // A PathPrefix matches whole segments with a trailing "/" ignored: /api/ is /api.
  const trim = (prefix: string) => prefix.replace(/\/+$/, '');
  if (gatewayApi)
    return trim(first) === trim(second)
      ? 'The same prefix as the first: its rule would never match'
      : undefined;
  return second.startsWith(first)
    ? 'The first prefix already covers this one: its rule would never match'
    : undefined;
}

/**
 * The service a prefix leads to: `<name>-api` for `/api`, named after the prefix when that
 * makes a valid name, else after its place (`api`, `web`).
 */
function partName(app: string, prefix: string, fallback: string): string {
  const part = prefix.replace(/^\/+|\/+$/g, '').toLowerCase();
  const valid = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(part) && app.length + part.length < 63;
  return valid ? part : fallback;
}

export const PATH_SPLIT: Scenario = defineScenario({
  id: 'path-split',
  title: 'Path-based split',
  description:
    'One host, two services: requests under the first prefix go to Service <name>-api, under the second to <name>-web (each named after its prefix). Other paths get 404 from the gateway.',
  gatewayApiDescription:
    'One HTTPRoute with a PathPrefix rule per service: the first prefix to Service <name>-api, the second to <name>-web (each named after its prefix). Prefixes match whole path segments and the longest wins. Other paths get 404 from the gateway.',
  parameters: [
    ...eitherApiParameters(APP_SUFFIX),
    textParam('apiPrefix', 'First prefix', '/api', uriPrefix),
    textParam('webPrefix', 'Second prefix', '/web', (value, params) => {
      const problem = uriPrefix(value, params);
      if (problem) return problem;
      return shadowed(String(params.apiPrefix), String(value), apiOf(params) === 'gateway-api');
    }),
  ],
  create(params, workspace) {
    const app = readApp(params);
    const first = partName(app.name, text(params, 'apiPrefix'), 'api');
    const second = partName(app.name, text(params, 'webPrefix'), 'web');
    const parts = [
      { prefix: text(params, 'apiPrefix'), part: first },
      { prefix: text(params, 'webPrefix'), part: second === first ? 'web' : second },
    ];
    if (parts[1]?.part === first) return fail('Both prefixes would name the same service');
    return designCommand(app, workspace, apiOf(params), {
      rules: parts.map(({ prefix, part }) => ({
        name: part,
        pathPrefix: prefix,
        to: [{ service: `${app.name}-${part}` }],
      })),
      backend: {
        services: parts.map(({ part }) => ({ name: `${app.name}-${part}`, container: part })),
      },
    });
  },
});
