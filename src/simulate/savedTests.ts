import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  stringify,
  type YAMLMap,
} from 'yaml';
import type { Outcome, SimRequest } from './types.ts';

/**
 * Saved test requests: a YAML file of requests and what they should do, checked against the
 * workspace like Envoy's `router_check_tool` checks a route table.
 *
 *     tests:
 *       - name: beta users get v2
 *         request: { url: https://shop.example.com/api/x, headers: { x-beta: "1" } }
 *         expect: { outcome: route, rule: api-beta, destinations: [{ host: reviews.shop.svc.cluster.local, subset: v2 }] }
 */
export interface SavedTest {
  readonly name: string;
  readonly request: SimRequest;
  readonly expect: TestExpectation;
}

/** Every field is optional; only the fields given are checked. */
export interface TestExpectation {
  readonly outcome?: Outcome;
  readonly status?: number | null;
  /** `VirtualService/ns/name`, `ns/name` or a bare name. */
  readonly virtualService?: string;
  /** Gateway API: the route whose rule answers, `HTTPRoute/ns/name` (any route kind), `ns/name` or a bare name. */
  readonly httpRoute?: string;
  /** Kubernetes Ingress: the Ingress whose path answers, `Ingress/ns/name`, `ns/name` or a bare name. */
  readonly ingress?: string;
  /** A rule name, or its index in its section. */
  readonly rule?: string | number;
  /** Compared as a set with the destinations that take traffic; host may be a short prefix. */
  readonly destinations?: readonly ExpectedDestination[];
  /** The redirect `Location`. */
  readonly redirect?: string;
  /** The path (with query) the backend receives. */
  readonly path?: string;
}

export interface ExpectedDestination {
  readonly host: string;
  readonly subset?: string;
  readonly port?: number;
}

/** A problem reading the file, at a 1-based line and column. */
export interface SavedTestProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

const OUTCOMES: readonly Outcome[] = [
  'route',
  'redirect',
  'directResponse',
  'fault',
  'noRoute',
  'noServer',
];
const TEST_KEYS = ['name', 'request', 'expect'];
const REQUEST_KEYS = ['url', 'method', 'headers', 'gateway'];
const EXPECT_KEYS = [
  'outcome',
  'status',
  'virtualService',
  'httpRoute',
  'ingress',
  'rule',
  'destinations',
  'redirect',
  'path',
];
const DESTINATION_KEYS = ['host', 'subset', 'port'];

/**
 * Reads a saved-tests file. Never throws: syntax errors and wrong fields become problems with
 * the line and column of the node they concern (from the parser's ranges); a test without a
 * `request.url` is left out, other wrong fields are ignored.
 */
export function parseSavedTests(text: string): {
  readonly tests: SavedTest[];
  readonly problems: SavedTestProblem[];
} {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const problems: SavedTestProblem[] = [];
  const at = (node: Node | null | undefined, message: string) => {
    const { line, col } = counter.linePos(node?.range?.[0] ?? 0);
    problems.push({ message, line, column: col });
  };
  for (const error of doc.errors) {
    const { line, col } = counter.linePos(error.pos[0]);
    problems.push({ message: error.message.split('\n')[0] ?? error.message, line, column: col });
  }
  if (doc.errors.length > 0) return { tests: [], problems };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { tests: [], problems };
  const list = isMap(root) ? root.get('tests', true) : root;
  if (!isSeq(list)) {
    at((list as Node | undefined) ?? root, 'expected a list of tests under `tests:`');
    return { tests: [], problems };
  }
  if (isMap(root)) unknownKeys(root, ['tests'], at);

  const tests: SavedTest[] = [];
  list.items.forEach((item, i) => {
    if (!isMap(item)) {
      at(item as Node, `test ${i + 1}: expected a map with name, request and expect`);
      return;
    }
    unknownKeys(item, TEST_KEYS, at);
    const name = stringField(item, 'name', at) ?? `test ${i + 1}`;
    const request = readRequest(item.get('request', true) as Node | undefined, item, name, at);
    const expectation = readExpectation(item.get('expect', true) as Node | undefined, name, at);
    if (request) tests.push({ name, request, expect: expectation });
  });
  return { tests, problems };
}

type At = (node: Node | null | undefined, message: string) => void;

function unknownKeys(map: YAMLMap, known: readonly string[], at: At): void {
  for (const pair of map.items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || !known.includes(key))
      at(pair.key, `unknown field ${key ?? '?'} (expected one of ${known.join(', ')})`);
  }
}

function stringField(map: YAMLMap, key: string, at: At): string | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) return undefined;
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number'))
    return String(node.value);
  at(node, `${key} must be a string`);
  return undefined;
}

function readRequest(
  node: Node | undefined,
  test: YAMLMap,
  name: string,
  at: At,
): SimRequest | undefined {
  if (!isMap(node)) {
    at(node ?? test, `${name}: request must be a map with url (and method, headers, gateway)`);
    return undefined;
  }
  unknownKeys(node, REQUEST_KEYS, at);
  const url = stringField(node, 'url', at);
  if (url === undefined) {
    at(node, `${name}: request.url is required`);
    return undefined;
  }
  const method = stringField(node, 'method', at);
  const gateway = stringField(node, 'gateway', at);
  const headersNode = node.get('headers', true) as Node | undefined;
  let headers: Record<string, string> | undefined;
  if (headersNode !== undefined) {
    if (!isMap(headersNode)) at(headersNode, `${name}: headers must be a map of name: value`);
    else {
      headers = {};
      for (const pair of headersNode.items as Pair<Node, Node>[]) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined || !isScalar(pair.value) || pair.value.value === null)
          at(pair.value ?? pair.key, `${name}: header values must be strings`);
        else headers[key] = String(pair.value.value);
      }
    }
  }
  return {
    url,
    ...(method !== undefined ? { method } : {}),
    ...(headers !== undefined ? { headers } : {}),
    ...(gateway !== undefined ? { gateway } : {}),
  };
}

function readExpectation(node: Node | undefined, name: string, at: At): TestExpectation {
  if (node === undefined) return {};
  if (!isMap(node)) {
    at(node, `${name}: expect must be a map`);
    return {};
  }
  unknownKeys(node, EXPECT_KEYS, at);
  const out: Record<string, unknown> = {};
  const outcome = stringField(node, 'outcome', at);
  if (outcome !== undefined) {
    if ((OUTCOMES as readonly string[]).includes(outcome)) out.outcome = outcome;
    else
      at(
        node.get('outcome', true) as Node,
        `${name}: outcome must be one of ${OUTCOMES.join(', ')}`,
      );
  }
  const status = node.get('status', true) as Node | undefined;
  if (status !== undefined) {
    if (isScalar(status) && (typeof status.value === 'number' || status.value === null))
      out.status = status.value;
    else at(status, `${name}: status must be a number or null`);
  }
  for (const key of ['virtualService', 'httpRoute', 'ingress', 'redirect', 'path'] as const) {
    const value = stringField(node, key, at);
    if (value !== undefined) out[key] = value;
  }
  const rule = node.get('rule', true) as Node | undefined;
  if (rule !== undefined) {
    if (isScalar(rule) && (typeof rule.value === 'number' || typeof rule.value === 'string'))
      out.rule = rule.value;
    else at(rule, `${name}: rule must be a rule name or index`);
  }
  const destinations = node.get('destinations', true) as Node | undefined;
  if (destinations !== undefined) {
    if (!isSeq(destinations)) at(destinations, `${name}: destinations must be a list`);
    else out.destinations = destinations.items.flatMap((d) => readDestination(d as Node, name, at));
  }
  return out as TestExpectation;
}

function readDestination(node: Node, name: string, at: At): ExpectedDestination[] {
  if (!isMap(node)) {
    at(node, `${name}: a destination is a map with host (and subset, port)`);
    return [];
  }
  unknownKeys(node, DESTINATION_KEYS, at);
  const host = stringField(node, 'host', at);
  if (host === undefined) {
    at(node, `${name}: a destination needs a host`);
    return [];
  }
  const subset = stringField(node, 'subset', at);
  const portNode = node.get('port', true) as Node | undefined;
  let port: number | undefined;
  if (portNode !== undefined) {
    if (isScalar(portNode) && typeof portNode.value === 'number') port = portNode.value;
    else at(portNode, `${name}: port must be a number`);
  }
  return [
    { host, ...(subset !== undefined ? { subset } : {}), ...(port !== undefined ? { port } : {}) },
  ];
}

/** The tests as a saved-tests file (`parseSavedTests` reads it back to the same tests). */
export function stringifySavedTests(tests: readonly SavedTest[]): string {
  return stringify(
    { tests: tests.map((t) => ({ name: t.name, request: t.request, expect: t.expect })) },
    { lineWidth: 0 },
  );
}
