/** The command line as parsed: a command, its files, and its options. */
export interface CliArgs {
  readonly command: string | undefined;
  readonly files: readonly string[];
  readonly format: Format | undefined;
  readonly url: string | undefined;
  readonly method: string | undefined;
  readonly headers: readonly string[];
  readonly complete: boolean;
  /** `test`: the saved test requests file. */
  readonly tests: string | undefined;
  /** `lint --suppress CODE=RESOURCE` (or `-S`), as given, in order; repeatable. */
  readonly suppress: readonly string[];
  /** `lint --failure-threshold` and `--output-threshold`, as given. */
  readonly failureThreshold: string | undefined;
  readonly outputThreshold: string | undefined;
  /** `lint --list-checks`. */
  readonly listChecks: boolean;
  /** `roundtrip --clean`: without the fields a cluster adds. */
  readonly clean: boolean;
  /** `convert --to istio|gateway-api`, as given. */
  readonly to: string | undefined;
  /** `convert --report FILE`: where the loss report goes as JSON. */
  readonly report: string | undefined;
  /** `convert --verify`: simulate source and converted and compare. */
  readonly verify: boolean;
  /** `scenario ID --set key=value`, as given, in order; repeatable. */
  readonly sets: readonly string[];
  /** `-R`, `--recursive`: a directory argument takes its subdirectories' files too. */
  readonly recursive: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

/** The output formats, and the one command each CI format belongs to (json and text: every command). */
export const FORMATS = {
  json: undefined,
  text: undefined,
  sarif: 'lint',
  github: 'lint',
  codequality: 'lint',
  junit: 'test',
} as const satisfies Record<string, string | undefined>;
export type Format = keyof typeof FORMATS;

function isFormat(text: string): text is Format {
  return Object.hasOwn(FORMATS, text);
}

/** What one command line prints and exits with. */
export interface CliOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: 0 | 1 | 2;
}

export class UsageError extends Error {}

const VALUE_OPTIONS = new Set([
  '--format',
  '--url',
  '--method',
  '-H',
  '--header',
  '--tests',
  '--suppress',
  '-S',
  '--failure-threshold',
  '--output-threshold',
  '--set',
  '--to',
  '--report',
]);

/** Parses argv (without `node` and the script). Throws UsageError on anything it does not know. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const files: string[] = [];
  const headers: string[] = [];
  const suppress: string[] = [];
  const sets: string[] = [];
  const values = new Map<string, string>();
  let command: string | undefined;
  let complete = false;
  let help = false;
  let listChecks = false;
  let clean = false;
  let verify = false;
  let recursive = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (VALUE_OPTIONS.has(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      if (name === '-H' || name === '--header') headers.push(value);
      else if (name === '--suppress' || name === '-S') suppress.push(value);
      else if (name === '--set') sets.push(value);
      else values.set(name, value);
    } else if (arg === '--complete') complete = true;
    else if (arg === '--list-checks') listChecks = true;
    else if (arg === '--clean') clean = true;
    else if (arg === '--verify') verify = true;
    else if (arg === '-R' || arg === '--recursive') recursive = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--version') version = true;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else if (command === undefined) command = arg;
    else files.push(arg);
  }
  const format = values.get('--format');
  if (format !== undefined && !isFormat(format))
    throw new UsageError(
      `--format must be one of ${Object.keys(FORMATS).join(', ')}, not ${format}`,
    );
  return {
    command,
    files,
    format,
    url: values.get('--url'),
    method: values.get('--method'),
    headers,
    complete,
    help,
    tests: values.get('--tests'),
    suppress,
    failureThreshold: values.get('--failure-threshold'),
    outputThreshold: values.get('--output-threshold'),
    listChecks,
    clean,
    sets,
    to: values.get('--to'),
    report: values.get('--report'),
    verify,
    recursive,
    version,
  };
}
