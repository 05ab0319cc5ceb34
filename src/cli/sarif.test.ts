import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHECK_CODES } from '../check/catalog.ts';
import { writeCiRepository } from './ciFixtures.ts';
import { run } from './main.ts';
import { fileUri } from './sarif.ts';

// `lint --format sarif` as GitHub code scanning reads it: valid against the OASIS SARIF 2.1.0
// schema (a draft-04 JSON schema, src/cli/fixtures/README.md says where it comes from).
const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'),
);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn: number };
    };
    logicalLocations?: { fullyQualifiedName: string; kind: string }[];
  }[];
}
interface Rule {
  id: string;
  helpUri?: string;
  properties: { istio: string[]; kiali: string[] };
}

let repo = '';
let cwd = '';
beforeAll(() => {
  repo = writeCiRepository();
  cwd = process.cwd();
  // File names as a pipeline gives them: relative to where the command runs.
  process.chdir(repo);
});
afterAll(() => process.chdir(cwd));

function sarif(...args: string[]) {
  const out = run(['lint', '--format', 'sarif', ...args]);
  return { ...out, log: JSON.parse(out.stdout) };
}

describe('lint --format sarif', () => {
  test('validates against the SARIF 2.1.0 schema, with and without findings', () => {
    for (const args of [['-R', 'k8s'], ['k8s/gateway.yaml']]) {
      const { log } = sarif(...args);
      const valid = validate(log);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  test('a log the schema refuses is refused (the validator is really checking)', () => {
    const { log } = sarif('-R', 'k8s');
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  test('names the tool and has one rule per check, with its IST/KIA codes and help page', () => {
    const { log } = sarif('-R', 'k8s');
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('istio-designer');
    expect(driver.version).toBe(
      JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')).version,
    );
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
    const rules = driver.rules as Rule[];
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(CHECK_CODES.map((c) => c.code)));
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    const subset = rules.find((r) => r.id === 'vs-destination-subset-not-found');
    expect(subset?.properties.istio).toEqual(['IST0101']);
    expect(subset?.properties.kiali).toEqual(['KIA1107']);
    expect(subset?.helpUri).toBe('https://istio.io/latest/docs/reference/config/analysis/ist0101/');
    // A code Kiali alone has links to Kiali's page.
    const kialiOnly = CHECK_CODES.find((c) => c.istio.length === 0 && c.kiali.length > 0);
    expect(rules.find((r) => r.id === kialiOnly?.code)?.helpUri).toMatch(/^https:\/\/kiali\.io\//);
  });

  test('results carry rule, level, message and the relative file, line and column', () => {
    const { log, code } = sarif('-R', 'k8s');
    expect(code).toBe(1);
    const results = log.runs[0].results as Result[];
    const rules = log.runs[0].tool.driver.rules as Rule[];
    const error = results.find((r) => r.ruleId === 'vs-destination-subset-not-found');
    expect(error?.level).toBe('error');
    expect(error?.message.text).toMatch(/shop\+v9/);
    expect(rules[error?.ruleIndex ?? -1]?.id).toBe(error?.ruleId);
    const location = error?.locations[0];
    expect(location?.physicalLocation.artifactLocation.uri).toBe('k8s/shop/routes.yaml');
    // `subset: v9` is on line 19 of routes.yaml, its value at column 17.
    expect(location?.physicalLocation.region).toMatchObject({ startLine: 19, startColumn: 17 });
    expect(location?.logicalLocations).toEqual([
      { fullyQualifiedName: 'VirtualService/web/shop', kind: 'resource' },
    ]);
    // An info finding is a SARIF note.
    expect(results.find((r) => r.ruleId === 'destinationrule-subset-no-pods')?.level).toBe('note');
  });

  test('prints the findings --output-threshold keeps; the exit code is unchanged', () => {
    const { log, code } = sarif('--output-threshold', 'Error', '-R', 'k8s');
    expect((log.runs[0].results as Result[]).map((r) => r.level)).toEqual(['error']);
    expect(code).toBe(1);
    expect(sarif('k8s/gateway.yaml').code).toBe(0);
  });

  test('unparsable YAML is a valid result too, under a rule of its own', () => {
    writeFileSync('broken.yaml', 'kind: Gateway\nmetadata: {name: gw\n');
    const { log, code } = sarif('broken.yaml');
    expect(code).toBe(1);
    expect(validate(log)).toBe(true);
    const [result] = log.runs[0].results as Result[];
    expect(result?.level).toBe('error');
    expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('broken.yaml');
    const rules = log.runs[0].tool.driver.rules as Rule[];
    expect(rules[result?.ruleIndex ?? -1]?.id).toBe(result?.ruleId);
  });

  test('only lint takes it', () => {
    const out = run(['graph', '--format', 'sarif', 'k8s/gateway.yaml']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--format sarif: only lint/);
  });
});

test('file names become URI references: relative stays relative, absolute is a file URL', () => {
  expect(fileUri('k8s/shop/routes.yaml')).toBe('k8s/shop/routes.yaml');
  expect(fileUri('my manifests/a#1.yaml')).toBe('my%20manifests/a%231.yaml');
  expect(fileUri('<stdin>')).toBe('%3Cstdin%3E');
  expect(fileUri('/srv/k8s/a.yaml')).toBe('file:///srv/k8s/a.yaml');
});
