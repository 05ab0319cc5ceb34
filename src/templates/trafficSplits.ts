import { fail } from '../edit/command.ts';
import { headerNameField } from '../rules/fields.ts';
import { APP_SUFFIX, readApp, routingCommand, versionedBackend } from './app.ts';
import { deployment, destination, service } from './manifests.ts';
import { all, appParameters, numberParam, textParam, weightPercent } from './parameters.ts';
import { defineScenario, num, type ParameterValidator, type Scenario, text } from './scenario.ts';

/** Scenarios that decide which version or service answers: by weight, header, switch or path. */

export const BASIC: Scenario = defineScenario({
  id: 'basic',
  title: 'Gateway, route and subsets',
  description:
    'The seed design: a Gateway on port 80 for the host, a VirtualService that sends it to subset v1, a DestinationRule with subsets v1 and v2, the Service and a Deployment per version (placeholder images). The starting point the other scenarios refine.',
  parameters: appParameters(APP_SUFFIX),
  create(params, workspace) {
    const app = readApp(params);
    return routingCommand(app, workspace, {
      http: [{ name: app.name, route: [destination(app.name, 'v1')] }],
      backend: versionedBackend(app, ['v1', 'v2']),
    });
  },
});

export const CANARY: Scenario = defineScenario({
  id: 'canary',
  title: 'Canary by weight',
  description:
    'Sends a percentage of the requests to v2 and the rest to v1 (90/10 by default). Weights are relative; these two add up to 100 so they read as percentages. Raise the v2 weight step by step, then move it all.',
  parameters: [
    ...appParameters(APP_SUFFIX),
    numberParam('percent', 'Canary percentage (v2)', 10, weightPercent),
  ],
  create(params, workspace) {
    const app = readApp(params);
    const canary = num(params, 'percent');
    return routingCommand(app, workspace, {
      http: [
        {
          name: 'canary',
          route: [destination(app.name, 'v1', 100 - canary), destination(app.name, 'v2', canary)],
        },
      ],
      backend: versionedBackend(app, ['v1', 'v2']),
    });
  },
});

/** Istio matches header names in lower case (virtual_service.proto, `headers`). */
const matchHeader: ParameterValidator = all(headerNameField, (value) =>
  String(value) === String(value).toLowerCase()
    ? undefined
    : 'Use lower case: Istio requires header names in lower case',
);

/** A header value to match: HTTP header values hold no control characters but tab. */
const headerValue: ParameterValidator = (value) =>
  [...String(value)].some((ch) => {
    const code = ch.charCodeAt(0);
    return (code <= 0x1f && code !== 0x09) || code === 0x7f;
  })
    ? 'No control characters'
    : undefined;

export const HEADER_BETA: Scenario = defineScenario({
  id: 'header-beta',
  title: 'Header-based beta',
  description:
    'Requests carrying the beta header with the given value go to v2; all others to v1. The beta rule comes first: the first matching rule wins.',
  parameters: [
    ...appParameters(APP_SUFFIX),
    textParam('header', 'Header name', 'x-beta', matchHeader),
    textParam('value', 'Header value', 'true', headerValue),
  ],
  create(params, workspace) {
    const app = readApp(params);
    return routingCommand(app, workspace, {
      http: [
        {
          name: 'beta',
          match: [{ headers: { [text(params, 'header')]: { exact: text(params, 'value') } } }],
          route: [destination(app.name, 'v2')],
        },
        { name: 'stable', route: [destination(app.name, 'v1')] },
      ],
      backend: versionedBackend(app, ['v1', 'v2']),
    });
  },
});

export const BLUE_GREEN: Scenario = defineScenario({
  id: 'blue-green',
  title: 'Blue/green switch',
  description:
    'Two complete versions, blue and green, side by side; all traffic goes to the live one. Switch by changing the subset of the live rule.',
  parameters: [
    ...appParameters(APP_SUFFIX),
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
    return routingCommand(app, workspace, {
      http: [{ name: 'live', route: [destination(app.name, text(params, 'live'))] }],
      backend: versionedBackend(app, ['blue', 'green']),
    });
  },
});

/** A URI prefix: starts with `/`, no spaces. */
const uriPrefix: ParameterValidator = (value) => {
  const prefix = String(value);
  if (!prefix.startsWith('/')) return 'Start with /';
  return /\s/.test(prefix) ? 'No spaces' : undefined;
};

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
  parameters: [
    ...appParameters(APP_SUFFIX),
    textParam('apiPrefix', 'First prefix', '/api', uriPrefix),
    textParam('webPrefix', 'Second prefix', '/web', (value, params) => {
      const problem = uriPrefix(value, params);
      if (problem) return problem;
      // A later prefix that an earlier one covers never matches (IST0130).
      return String(value).startsWith(String(params.apiPrefix))
        ? 'The first prefix already covers this one: its rule would never match'
        : undefined;
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
    return routingCommand(app, workspace, {
      http: parts.map(({ prefix, part }) => ({
        name: part,
        match: [{ uri: { prefix } }],
        route: [destination(`${app.name}-${part}`)],
      })),
      backend: parts.flatMap(({ part }) => {
        const name = `${app.name}-${part}`;
        return [
          service(name, app.namespace, { app: name }),
          deployment(name, app.namespace, { app: name }, part, `example/${name}:v1`),
        ];
      }),
    });
  },
});
