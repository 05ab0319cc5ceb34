import type { CliArgs, CliOutput } from './args.ts';
import { VERSION } from './version.ts';

/** `--help`: its own module, so the installed command answers it without loading the engine. */
export const HELP = `Istio Designer command line: the designer's engine for scripts and CI.

Usage: istio-designer <command> [options] FILE...
   (in a clone of the repository: npm run --silent cli -- <command> [options] FILE...)
FILE may be - for standard input, or a directory: its *.yaml, *.yml and *.json files
(-R: its subdirectories' too); several files are read as one workspace.

Commands:
  roundtrip FILE    parse and write back without edits (byte for byte)
  roundtrip --clean FILE...
                    the same without the fields a cluster adds (status, managedFields,
                    uid, resourceVersion…), ready for kubectl apply -f (kubectl neat)
  graph FILE...     print the flow graph (client → load balancer → gateway → routes → pods)
  lint FILE...      print diagnostics (istioctl analyze and Kiali meaning, offline);
                    exit 1 when any is an error (see --failure-threshold)
  lint --list-checks
                    every check's codes (own, IST, KIA) and severity, one per line
  simulate FILE... --url URL [--method M] [-H 'Name: value']...
                    where does this request go? (Istio's matching rules, step by step)
  test FILE... --tests TESTS.yaml
                    run saved test requests; prints pass/fail and route coverage,
                    exit 1 when any test fails
  scenario list     the ready designs of Add scenario: id and title, one per line
  scenario ID [--set key=value]... [FILE...]
                    print the scenario's manifests (YAML); --set api=gateway-api writes
                    it in the Kubernetes Gateway API; with files, names they use are refused
  convert --to istio|gateway-api [--report FILE] [--verify [--tests TESTS.yaml]] FILE...
                    convert the routing to the other API: YAML on stdout, what could not be
                    carried over on stderr; --verify simulates both and exits 1 on a difference
                    the loss report does not explain
  diff BEFORE AFTER [--tests TESTS.yaml]
                    what changes from one version to the other: resources field by field,
                    requests whose answer changes (v2 20% → 40%), findings that appear or go
                    (--format text: a review comment); each side a file, directory or -

Options:
  --format json|text   output format (json is the default for graph and lint)
  --format sarif       lint: a SARIF 2.1.0 log (GitHub code scanning, GitLab, IDEs)
  --format github      lint: GitHub Actions annotations (::error file=…,line=…::…)
  --format codequality lint: a GitLab Code Quality report (merge request widget)
  --format junit       test: a JUnit XML report, one testcase per saved test
  -R, --recursive      a directory argument takes its subdirectories' files too
  --complete           lint: treat the files as every Service, Secret and workload
                       there is (references to absent ones are errors, not info)
  -S, --suppress CODE=RESOURCE
                       lint: do not report CODE (own, IST or KIA code) on RESOURCE,
                       named as istioctl does: "Kind namespace/name" ("Kind name" when
                       cluster-scoped); * matches any text ("IST0107=Pod *"). Repeatable.
                       The galley.istio.io/analyze-suppress annotation (codes, comma-
                       separated, or *) suppresses findings on the resource carrying it.
  --failure-threshold Info|Warning|Error
                       lint: exit 1 when a finding at or above this level remains
                       (default Error)
  --output-threshold Info|Warning|Error
                       lint: print findings at or above this level (default Info)
  --help               show this help
  --version            print the version

Exit codes: 0 success, 1 the input has errors, 2 bad usage.
`;

/**
 * The answer to `--help`, `--version`, `help` or no command at all; undefined for anything else.
 * Needs only the arguments, so the installed command gives it before loading the engine.
 */
export function helpAnswer(args: CliArgs): CliOutput | undefined {
  if (args.version && !args.help) return { stdout: `${VERSION}\n`, stderr: '', code: 0 };
  if (args.help || args.command === undefined || args.command === 'help')
    return { stdout: HELP, stderr: '', code: args.command === undefined && !args.help ? 2 : 0 };
  return undefined;
}
