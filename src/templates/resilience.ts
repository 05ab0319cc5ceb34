import { abortStatusField, durationField, percentageField, retryOnField } from '../rules/fields.ts';
import { mirrorPercentField } from '../rules/gatewayApiFields.ts';
import { durationNs } from '../rules/goDuration.ts';
import { APP_SUFFIX, readApp, routingCommand, singleBackend } from './app.ts';
import { apiOf } from './designApi.ts';
import { destination } from './manifests.ts';
import {
  all,
  appParameters,
  eitherApiParameters,
  integerIn,
  numberParam,
  textParam,
} from './parameters.ts';
import { defineScenario, num, type Scenario, text } from './scenario.ts';
import { designCommand } from './trafficDesign.ts';

/** Scenarios that test or harden a route: mirroring, fault injection, timeouts and retries. */

export const MIRROR: Scenario = defineScenario({
  id: 'mirror',
  title: 'Traffic mirroring',
  description:
    'Every request goes to v1, which answers; a copy of a share of them goes to v2, whose answers are dropped. A safe way to try v2 on real traffic.',
  gatewayApiDescription:
    'The HTTPRoute sends every request to Service <name>-v1, which answers; a RequestMirror filter copies a share of them to Service <name>-v2, whose answers are dropped.',
  parameters: [
    ...eitherApiParameters(APP_SUFFIX),
    numberParam('percent', 'Mirrored percentage', 10, (value, params) =>
      (apiOf(params) === 'gateway-api' ? mirrorPercentField : percentageField)(value),
    ),
  ],
  create(params, workspace) {
    const app = readApp(params);
    return designCommand(app, workspace, apiOf(params), {
      rules: [
        {
          name: 'mirror',
          to: [{ service: app.name, version: 'v1' }],
          mirror: { to: { service: app.name, version: 'v2' }, percent: num(params, 'percent') },
        },
      ],
      backend: { versions: ['v1', 'v2'] },
    });
  },
});

export const FAULT_DRILL: Scenario = defineScenario({
  id: 'fault-drill',
  title: 'Fault drill',
  description:
    'A rule named fault-drill that delays a share of the requests and aborts another share with an error status, to see how clients cope. Istio disables the rule\u2019s timeout and retries while faults are on.',
  parameters: [
    ...appParameters(APP_SUFFIX),
    textParam('delay', 'Delay', '5s', durationField),
    numberParam('delayPercent', 'Delayed percentage', 10, percentageField),
    numberParam('abortStatus', 'Abort status', 503, abortStatusField),
    numberParam('abortPercent', 'Aborted percentage', 5, percentageField),
  ],
  create(params, workspace) {
    const app = readApp(params);
    return routingCommand(app, workspace, {
      http: [
        {
          name: 'fault-drill',
          fault: {
            delay: {
              fixedDelay: text(params, 'delay'),
              percentage: { value: num(params, 'delayPercent') },
            },
            abort: {
              httpStatus: num(params, 'abortStatus'),
              percentage: { value: num(params, 'abortPercent') },
            },
          },
          route: [destination(app.name)],
        },
      ],
      backend: singleBackend(app),
    });
  },
});

export const TIMEOUTS_RETRIES: Scenario = defineScenario({
  id: 'timeouts-retries',
  title: 'Timeouts and retries',
  description:
    'Bounds how long a request may take in all, and retries failed attempts, each with its own timeout. By default a try is retried when the pod could not be reached, refused the stream, or the answer was a 502, 503 or 504.',
  parameters: [
    ...appParameters(APP_SUFFIX),
    textParam('timeout', 'Timeout', '10s', durationField),
    numberParam('attempts', 'Retry attempts', 3, integerIn(1, 10)),
    textParam(
      'perTryTimeout',
      'Timeout per try',
      '3s',
      all(durationField, (value, params) => {
        // A try cannot outlast the whole request: the route timeout would cut it first.
        const perTry = durationNs(String(value));
        const total = durationNs(String(params.timeout));
        return perTry !== undefined && total !== undefined && perTry > total
          ? 'Longer than the timeout: a try cannot outlast the whole request'
          : undefined;
      }),
    ),
    textParam('retryOn', 'Retry on', 'gateway-error,connect-failure,refused-stream', retryOnField),
  ],
  create(params, workspace) {
    const app = readApp(params);
    return routingCommand(app, workspace, {
      http: [
        {
          name: app.name,
          route: [destination(app.name)],
          timeout: text(params, 'timeout'),
          retries: {
            attempts: num(params, 'attempts'),
            perTryTimeout: text(params, 'perTryTimeout'),
            retryOn: text(params, 'retryOn'),
          },
        },
      ],
      backend: singleBackend(app),
    });
  },
});
