/**
 * Converts every sample of the shared corpus (`samples/*.yaml`, `samples/gateway-api-k8s/*.yaml`)
 * to the other API and proves it by simulation: one line per sample (losses, requests that go
 * where they went, differences and how many the loss report explains), then the totals.
 * Usage: npx tsx scripts/corpus-convert.ts [CORPUS_DIR]   (default: ../shared/corpus)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { convert } from '../src/convert/convert.ts';
import type { TargetApi } from '../src/convert/types.ts';
import { convertedWorkspace, verify } from '../src/convert/verify.ts';
import { entries, loadWorkspace } from '../src/workspace/workspace.ts';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus'));
const dirs = [join(root, 'samples'), join(root, 'samples', 'gateway-api-k8s')].filter(existsSync);
if (dirs.length === 0) {
  console.log(`no samples under ${root}; nothing to convert`);
  process.exit(0);
}

const back = { requests: 0, same: 0, explained: 0, unexplained: 0 };
const total = {
  files: 0,
  converted: 0,
  losses: 0,
  requests: 0,
  same: 0,
  explained: 0,
  unexplained: 0,
};
for (const dir of dirs)
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const workspace = loadWorkspace([{ name, text: readFileSync(join(dir, name), 'utf8') }]);
    const kinds = entries(workspace).map((e) => e.object.kind);
    const istio = kinds.some((k) => k === 'Gateway' || k === 'VirtualService');
    const gatewayApi = kinds.some(
      (k) => k.includes('gateway.networking.k8s.io') || k.endsWith('Route'),
    );
    if (!istio && !gatewayApi) continue;
    const to: TargetApi = istio ? 'gateway-api' : 'istio';
    const conversion = convert(workspace, to);
    const result = verify(workspace, conversion);
    const explained = result.differences.filter((d) => d.explainedBy).length;
    const unexplained = result.differences.length - explained;
    total.files++;
    total.converted += conversion.replaced.length;
    total.losses += conversion.losses.length;
    total.requests += result.total;
    total.same += result.same;
    total.explained += explained;
    total.unexplained += unexplained;
    console.log(
      `${unexplained ? 'DIFF' : 'ok  '} ${name} → ${to}: ${conversion.replaced.length} converted, ${conversion.losses.length} losses; ${result.same}/${result.total} same, ${explained} explained, ${unexplained} unexplained`,
    );
    // And back: the converted workspace to the source's API, proven the same way.
    const converted = convertedWorkspace(workspace, conversion);
    const returned = verify(
      converted,
      convert(converted, to === 'istio' ? 'gateway-api' : 'istio'),
    );
    const backExplained = returned.differences.filter((d) => d.explainedBy).length;
    back.requests += returned.total;
    back.same += returned.same;
    back.explained += backExplained;
    back.unexplained += returned.differences.length - backExplained;
    if (returned.differences.length > backExplained)
      console.log(
        `       back: ${returned.differences.length - backExplained} unexplained of ${returned.total}`,
      );
    for (const d of result.differences.filter((x) => !x.explainedBy).slice(0, 3))
      console.log(
        `       ${d.request.url} ${JSON.stringify(d.request.headers ?? {})}: ${JSON.stringify(d.before)} → ${JSON.stringify(d.after)}`,
      );
  }
console.log(
  `\n${total.files} samples, ${total.converted} resources converted, ${total.losses} losses; ${total.same} of ${total.requests} requests go where they went; ${total.explained} differences explained, ${total.unexplained} unexplained`,
);
console.log(
  `and back: ${back.same} of ${back.requests} requests go where they went; ${back.explained} differences explained, ${back.unexplained} unexplained`,
);
