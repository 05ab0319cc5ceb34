import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { FORMATS, parseArgs } from './args.ts';
import { run } from './main.ts';

// The README's "Command line" section: every `istio-designer …` line it shows is a command
// line the command accepts (known subcommand, known options, a format the subcommand takes),
// and its CI recipes are YAML that parses. What the commands then do is tested elsewhere.
const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('\n## Command line\n'),
  readme.indexOf('\n## ', readme.indexOf('\n## Command line\n') + 1),
);
const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({
  lang: m[1],
  text: m[2] ?? '',
}));

/** The arguments after `istio-designer` on each line, without comments and redirections. */
function commandLines(): string[][] {
  const lines: string[][] = [];
  for (const { text } of blocks)
    for (const line of text.split('\n')) {
      const at = line.search(/istio-designer (?=[-a-z])/);
      if (at === -1 || /^\s*(#|- id:|- repo:)/.test(line) || line.includes('npm install')) continue;
      const command = line
        .slice(at + 'istio-designer '.length)
        .replace(/\s+#.*$/, '')
        .replace(/\s*>.*$/, '');
      lines.push(
        [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? ''),
      );
    }
  return lines;
}

describe('the README command line section', () => {
  test('shows every CI format and a line for each subcommand', () => {
    const lines = commandLines();
    expect(lines.length).toBeGreaterThan(15);
    const commands = new Set(lines.map((args) => parseArgs(args).command));
    for (const command of ['lint', 'simulate', 'test', 'graph', 'convert', 'scenario', 'roundtrip'])
      expect(commands).toContain(command);
    const formats = new Set(lines.map((args) => parseArgs(args).format));
    for (const format of ['sarif', 'github', 'codequality', 'junit'])
      expect(formats).toContain(format);
  });

  test('each line is one the command accepts', () => {
    for (const args of commandLines()) {
      const parsed = parseArgs(args);
      if (parsed.help || parsed.command === 'help') continue;
      // Without files every real command stops at "no input file" (or a missing --url/--tests
      // it names), never at an unknown command, option or format.
      const out = run(args.filter((a) => !/\.(ya?ml|json)$|\/$/.test(a) && a !== '-'));
      expect(out.stderr, args.join(' ')).not.toMatch(/unknown|only \w+ takes|must be one of/);
      const owner = parsed.format && FORMATS[parsed.format];
      if (owner) expect(parsed.command, args.join(' ')).toBe(owner);
    }
  });

  test('its CI recipes are YAML that parses, with the commands in them', () => {
    const yaml = blocks.filter((b) => b.lang === 'yaml');
    expect(yaml.length).toBeGreaterThanOrEqual(3);
    for (const { text } of yaml) expect(() => parse(text)).not.toThrow();
    const github = parse(yaml.find((b) => b.text.includes('upload-sarif'))?.text ?? '');
    const steps = github.jobs['istio-config'].steps as {
      run?: string;
      uses?: string;
      with?: Record<string, string>;
    }[];
    const sarifFile = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))
      ?.with?.sarif_file;
    expect(
      steps.some((s) => s.run?.includes(`--format sarif`) && s.run.endsWith(`> ${sarifFile}`)),
    ).toBe(true);
    const gitlab = parse(yaml.find((b) => b.text.includes('reports:'))?.text ?? '');
    const { junit, codequality } = gitlab['istio-config'].artifacts.reports;
    const script = gitlab['istio-config'].script as string[];
    expect(
      script.some((line) => line.includes('--format junit') && line.includes(`> ${junit} `)),
    ).toBe(true);
    expect(
      script.some(
        (line) => line.includes('--format codequality') && line.includes(`> ${codequality} `),
      ),
    ).toBe(true);
  });
});
