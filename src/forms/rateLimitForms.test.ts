import { describe, expect, test } from 'vitest';
import { GLOBAL_RATE_LIMIT } from '../templates/globalRateLimit.ts';
import { TestEditor } from '../testing/testEditor.ts';
import { EXAMPLE } from '../workspace/example.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { fieldCommand } from './fieldCommand.ts';
import { editField, errors, fieldIds, fieldOf, formOf, refusal } from './testForms.ts';
import {
  GLOBAL_ACTIONS,
  GLOBAL_FILTER,
  GLOBAL_RATE_LIMITS,
  TYPED_STRUCT_LIMIT,
} from './testManifests.ts';

const FILTER_NODE = `envoyFilter:${GLOBAL_FILTER}`;
const ACTIONS_NODE = `envoyFilter:${GLOBAL_ACTIONS}`;
const LOCAL_NODE = `envoyFilter:${TYPED_STRUCT_LIMIT}`;
const CONFIG = 'spec.configPatches[0].patch.value.typed_config';
const CLUSTER = `${CONFIG}.rate_limit_service.grpc_service.envoy_grpc.cluster_name`;
const ACTION = 'spec.configPatches[0].patch.value.rate_limits[0].actions[0].request_headers';

describe('the global rate limit filter', () => {
  test('its form shows the domain, the failure mode, the timeout and the service cluster', () => {
    const sections = formOf(TestEditor.load(GLOBAL_RATE_LIMITS), FILTER_NODE);
    expect(sections.map((s) => s.title)).toEqual(['EnvoyFilter', 'Global rate limit']);
    expect(fieldIds(sections).filter((id) => id.startsWith(CONFIG))).toEqual([
      `${CONFIG}.domain`,
      `${CONFIG}.failure_mode_deny`,
      `${CONFIG}.timeout`,
      CLUSTER,
    ]);
  });

  test('the domain is edited on its line, its comment kept', () => {
    expect(editField(GLOBAL_RATE_LIMITS, FILTER_NODE, `${CONFIG}.domain`, 'edge').diff).toEqual({
      removed: ["          domain: ratelimit  # the ConfigMap's domain"],
      added: ["          domain: edge  # the ConfigMap's domain"],
    });
  });

  test('a domain with a space is refused', () => {
    expect(refusal(GLOBAL_RATE_LIMITS, FILTER_NODE, `${CONFIG}.domain`, 'my edge')).toBe(
      'Use letters, digits, dots, dashes and underscores',
    );
  });

  test('failing closed adds failure_mode_deny, failing open removes it', () => {
    const on = editField(GLOBAL_RATE_LIMITS, FILTER_NODE, `${CONFIG}.failure_mode_deny`, true);
    expect(on.diff).toEqual({ removed: [], added: ['          failure_mode_deny: true'] });
    const off = editField(on.after, FILTER_NODE, `${CONFIG}.failure_mode_deny`, false);
    expect(off.diff).toEqual({ removed: ['          failure_mode_deny: true'], added: [] });
  });

  test('the timeout takes Istio’s durations and refuses anything else', () => {
    expect(editField(GLOBAL_RATE_LIMITS, FILTER_NODE, `${CONFIG}.timeout`, '250ms').diff).toEqual({
      removed: ['          timeout: 1s'],
      added: ['          timeout: 250ms'],
    });
    expect(refusal(GLOBAL_RATE_LIMITS, FILTER_NODE, `${CONFIG}.timeout`, 'soon')).toMatch(
      /is not a duration/,
    );
  });

  test('a new port of the same service changes the cluster line only', () => {
    const { diff } = editField(
      GLOBAL_RATE_LIMITS,
      FILTER_NODE,
      CLUSTER,
      'outbound|9081||ratelimit.default.svc.cluster.local',
    );
    expect(diff).toEqual({
      removed: ['                cluster_name: outbound|8081||ratelimit.default.svc.cluster.local'],
      added: ['                cluster_name: outbound|9081||ratelimit.default.svc.cluster.local'],
    });
  });

  test('another service’s cluster takes the authority along, in one undo step', () => {
    const { diff, editor } = editField(
      GLOBAL_RATE_LIMITS,
      FILTER_NODE,
      CLUSTER,
      'outbound|8081||ratelimit.limits.svc.cluster.local',
    );
    expect(diff).toEqual({
      removed: [
        '                cluster_name: outbound|8081||ratelimit.default.svc.cluster.local',
        '                authority: ratelimit.default.svc.cluster.local',
      ],
      added: [
        '                cluster_name: outbound|8081||ratelimit.limits.svc.cluster.local',
        '                authority: ratelimit.limits.svc.cluster.local',
      ],
    });
    expect(editor.undo().yaml()).toBe(GLOBAL_RATE_LIMITS);
  });

  test('cluster names are checked part by part', () => {
    expect(
      refusal(GLOBAL_RATE_LIMITS, FILTER_NODE, CLUSTER, 'outbound|80801||ratelimit.default'),
    ).toBe('Port must be from 1 to 65535');
    expect(refusal(GLOBAL_RATE_LIMITS, FILTER_NODE, CLUSTER, 'outbound|8081|ratelimit')).toMatch(
      /^Write outbound\|<port>\|<subset>\|<host>/,
    );
    expect(refusal(GLOBAL_RATE_LIMITS, FILTER_NODE, CLUSTER, '')).toBe('Required');
    // A cluster another patch adds is named freely.
    expect(
      editField(GLOBAL_RATE_LIMITS, FILTER_NODE, CLUSTER, 'rate_limit_cluster').diff.added,
    ).toEqual(['                cluster_name: rate_limit_cluster']);
  });

  test('an unchanged cluster gives no command', () => {
    const cluster = fieldOf(formOf(TestEditor.load(GLOBAL_RATE_LIMITS), FILTER_NODE), CLUSTER);
    const result = fieldCommand(GLOBAL_FILTER, cluster, cluster.value);
    expect(result.ok && result.command).toBeNull();
  });

  test('edits keep lint as it was', () => {
    const { editor } = editField(GLOBAL_RATE_LIMITS, FILTER_NODE, `${CONFIG}.timeout`, '0.5s');
    expect(errors(editor.workspace)).toEqual(errors(TestEditor.load(GLOBAL_RATE_LIMITS).workspace));
  });
});

describe('the descriptors the gateway sends', () => {
  test('each request_headers action shows its header and key; other actions are left to the text', () => {
    const sections = formOf(TestEditor.load(GLOBAL_RATE_LIMITS), ACTIONS_NODE);
    expect(sections.map((s) => s.title)).toEqual(['EnvoyFilter', 'Rate limit descriptor']);
    expect(fieldIds(sections).filter((id) => id.includes('rate_limits'))).toEqual([
      `${ACTION}.header_name`,
      `${ACTION}.descriptor_key`,
    ]);
  });

  test('the header is edited on its line (its quotes go with the old value)', () => {
    expect(
      editField(GLOBAL_RATE_LIMITS, ACTIONS_NODE, `${ACTION}.header_name`, 'x-api-key').diff,
    ).toEqual({
      removed: ['              header_name: ":path"'],
      added: ['              header_name: "x-api-key"'],
    });
  });

  test('the descriptor key is edited on its line', () => {
    expect(
      editField(GLOBAL_RATE_LIMITS, ACTIONS_NODE, `${ACTION}.descriptor_key`, 'API_KEY').diff,
    ).toEqual({
      removed: ['              descriptor_key: PATH'],
      added: ['              descriptor_key: API_KEY'],
    });
  });

  test('a JWT claim is not a header Envoy reads, and keys have no spaces', () => {
    expect(
      refusal(
        GLOBAL_RATE_LIMITS,
        ACTIONS_NODE,
        `${ACTION}.header_name`,
        '@request.auth.claims.sub',
      ),
    ).toMatch(/JWT claim/);
    expect(refusal(GLOBAL_RATE_LIMITS, ACTIONS_NODE, `${ACTION}.descriptor_key`, 'api key')).toBe(
      'Use letters, digits, dots, dashes and underscores',
    );
  });
});

describe('durations Envoy reads itself', () => {
  test('a TypedStruct’s fill interval is written in seconds, as protobuf JSON wants', () => {
    const path = 'spec.configPatches[0].patch.value.typed_config.value.token_bucket.fill_interval';
    expect(refusal(GLOBAL_RATE_LIMITS, LOCAL_NODE, path, '500ms')).toBe(
      '"500ms" is read by Envoy as a protobuf duration: write seconds, like 0.5s or 60s',
    );
    expect(editField(GLOBAL_RATE_LIMITS, LOCAL_NODE, path, '0.5s').diff.added).toEqual([
      '              fill_interval: 0.5s',
    ]);
  });

  test('a global filter written as a TypedStruct takes its timeout in seconds', () => {
    // The filter's own configuration moves under `value`, two spaces in.
    const typedStruct = GLOBAL_RATE_LIMITS.replace(
      /( +)"@type": (type\.googleapis\.com\/envoy\.extensions\.filters\.http\.ratelimit\.v3\.RateLimit)\n([\s\S]*?transport_api_version: V3)/,
      (_all, indent: string, type: string, rest: string) =>
        `${indent}"@type": type.googleapis.com/udpa.type.v1.TypedStruct\n${indent}type_url: ${type}\n${indent}value:\n${rest.replace(/^/gm, '  ')}`,
    );
    const field = fieldOf(
      formOf(TestEditor.load(typedStruct), FILTER_NODE),
      `${CONFIG}.value.timeout`,
    );
    expect(field.validate?.('250ms')).toMatch(/protobuf duration/);
    expect(field.validate?.('0.25s')).toBeUndefined();
  });
});

describe('the global rate limit scenario', () => {
  test('adds filters whose rate limit fields the inspector edits', () => {
    const built = GLOBAL_RATE_LIMIT.build({}, loadWorkspace(EXAMPLE));
    if (!built.ok) throw new Error(built.error);
    const editor = new TestEditor(loadWorkspace(EXAMPLE)).apply(built.value);
    const filter = formOf(
      editor,
      'envoyFilter:EnvoyFilter/istio-system/istio-ingressgateway-ratelimit',
    );
    expect(fieldOf(filter, `${CONFIG}.domain`).value).toBe('ratelimit');
    expect(fieldOf(filter, CLUSTER).value).toBe(
      'outbound|8081||ratelimit.default.svc.cluster.local',
    );
    const actions = formOf(
      editor,
      'envoyFilter:EnvoyFilter/istio-system/istio-ingressgateway-ratelimit-actions',
    );
    expect(fieldOf(actions, `${ACTION}.header_name`).value).toBe(':path');
    expect(fieldOf(actions, `${ACTION}.descriptor_key`).value).toBe('PATH');
  });
});
