/**
 * Inline YAML for tests: drops the first line when it is empty and the last when it is only
 * spaces, removes the indentation common to the other lines, and ends the text with one line
 * break. Interpolated values are inserted as they are, before dedenting.
 *
 *     dedent`
 *       a: 1
 *       b:
 *         - x
 *     ` === 'a: 1\nb:\n  - x\n'
 */
export function dedent(strings: TemplateStringsArray | string, ...values: unknown[]): string {
  const raw =
    typeof strings === 'string'
      ? strings
      : strings.reduce(
          (out, part, i) => out + part + (i < values.length ? String(values[i]) : ''),
          '',
        );
  const lines = raw.split('\n');
  if (lines[0]?.trim() === '') lines.shift();
  if (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => (/^ */.exec(line) as RegExpExecArray)[0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return `${lines.map((line) => line.slice(common)).join('\n')}\n`;
}

/** The same text with CRLF line ends. */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
