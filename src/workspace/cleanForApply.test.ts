import { describe, expect, it } from 'vitest';
import { deriveGraph } from '../graph/deriveGraph.ts';
import { listJson, listYaml } from '../testing/clusterDump.ts';
import { dedent } from '../testing/dedent.ts';
import { cleanForApply } from './cleanForApply.ts';
import { EXAMPLE_YAML } from './example.ts';
import { joinedYaml } from './exportFiles.ts';
import { entries, fileText, loadWorkspace } from './workspace.ts';

const CLUSTER_WORDS =
  /status:|"status"|managedFields|resourceVersion|creationTimestamp|generation|uid|last-applied/;

describe('clean for apply', () => {
  it.each([
    ['YAML', listYaml(EXAMPLE_YAML)],
    ['JSON', listJson(EXAMPLE_YAML)],
  ])(
    'leaves the %s List without the fields the cluster added, the same resources',
    (format, dump) => {
      const workspace = loadWorkspace([{ name: 'dump', text: dump }]);
      const clean = cleanForApply(workspace);
      const text = joinedYaml(clean);
      // Only the List's own (empty) resourceVersion is left, which kubectl ignores.
      expect(text.split('\n').filter((line) => CLUSTER_WORDS.test(line))).toEqual([
        format === 'JSON' ? '        "resourceVersion": ""' : '  resourceVersion: ""',
      ]);
      if (format === 'JSON') expect(() => JSON.parse(text)).not.toThrow();
      expect(deriveGraph(clean)).toEqual(deriveGraph(workspace));
      expect(entries(clean).map((e) => e.id)).toEqual(entries(workspace).map((e) => e.id));
      // The workspace itself is untouched.
      expect(fileText(workspace.files[0] as never)).toBe(dump);
    },
  );

  it('keeps everything else byte for byte, comments and other annotations included', () => {
    const text = dedent`
      # from the cluster
      apiVersion: v1
      kind: Service
      metadata:
        annotations:
          kubectl.kubernetes.io/last-applied-configuration: |
            {"apiVersion":"v1"}
          team: web # owner
        creationTimestamp: "2026-01-02T03:04:05Z"
        name: web
        uid: 1234
      spec:
        ports:
        - port: 80
      status:
        loadBalancer: {}
    `;
    const clean = joinedYaml(cleanForApply(loadWorkspace([{ name: 'a.yaml', text }])));
    expect(clean).toBe(dedent`
      # from the cluster
      apiVersion: v1
      kind: Service
      metadata:
        annotations:
          team: web # owner
        name: web
      spec:
        ports:
        - port: 80
    `);
  });

  it('leaves manifests written by hand as they are', () => {
    const workspace = loadWorkspace([{ name: 'myapp.yaml', text: EXAMPLE_YAML }]);
    expect(cleanForApply(workspace).files[0]).toBe(workspace.files[0]);
  });
});
