import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Container } from './path.ts';
import { lineStartOf } from './render.ts';

/**
 * A document's text with the parser's node ranges mapped onto it: where a node's content
 * ends, where its line (and the comments above it) start, where a list item's `-` is. The
 * edit planner asks these questions to splice whole lines without touching their neighbours.
 */
export class DocSource {
  /** `base` is what node ranges are offset by (see YamlDoc.base). */
  constructor(
    readonly text: string,
    private readonly base: number,
  ) {}

  /** A parser offset as an offset into `text`. */
  offset(parserOffset: number): number {
    return parserOffset - this.base;
  }

  span(node: Node): [number, number] {
    const range = node.range as [number, number, number];
    return [range[0] - this.base, range[1] - this.base];
  }

  start(node: Node): number {
    return this.span(node)[0];
  }

  /**
   * End of a value's text. An empty value (`key:`, `-`, maybe before a comment) has a range
   * that starts after the blank space that follows it; it ends where its indicator or
   * properties (`&anchor`) end.
   */
  valueEnd(node: Node): number {
    if (!isEmptyNode(node)) return this.contentEnd(node);
    let end = this.start(node);
    while (end > 0 && /\s/.test(this.text[end - 1] as string)) end--;
    return end;
  }

  /** End of a node's content without the line breaks and blank space that follow it. */
  contentEnd(node: Node): number {
    let [start, end] = this.span(node);
    while (end > start && /\s/.test(this.text[end - 1] as string)) end--;
    return end;
  }

  /**
   * End of an entry's value: its content end, or, when the value ends with a keep block
   * scalar (`|+`), the end of the blank lines that belong to that scalar.
   */
  entryEnd(node: Node): number {
    let last: unknown = node;
    while ((isMap(last) || isSeq(last)) && !last.flow && last.items.length > 0) {
      const item = last.items[last.items.length - 1];
      last = isMap(last) ? (item as Pair<unknown, unknown>).value : item;
    }
    const end = this.contentEnd(node);
    if (isScalar(last) && isBlockScalar(last) && last.range) {
      const [start, scalarEnd] = this.span(last);
      if (/^[|>][1-9]?\+/.test(this.text.slice(start, start + 3))) return Math.max(end, scalarEnd);
    }
    return end;
  }

  /** Offset just past the line that holds `offset - 1`: where the next line starts. */
  lineAfter(end: number): number {
    if (end <= 0) return 0;
    const newline = this.text.indexOf('\n', end - 1);
    return newline === -1 ? this.text.length : newline + 1;
  }

  onlySpacesBefore(offset: number): boolean {
    const lineStart = lineStartOf(this.text, offset);
    return /^[ ]*$/.test(this.text.slice(lineStart, offset));
  }

  /**
   * Start of the line at `offset`, moved up over comment lines directly above it at the same
   * indentation: a comment written above an entry belongs to it.
   */
  blockStart(offset: number): number {
    let lineStart = lineStartOf(this.text, offset);
    const column = offset - lineStart;
    while (this.text[lineStart - 1] === '\n') {
      const prevStart = lineStartOf(this.text, lineStart - 1);
      const prev = this.text.slice(prevStart, lineStart).replace(/\r?\n$/, '');
      if (!/^ *#/.test(prev) || prev.indexOf('#') !== column) break;
      lineStart = prevStart;
    }
    return lineStart;
  }

  /** Offsets of each item's `-` in a block list, when every `-` starts its own line. */
  dashes(seq: Container): number[] | undefined {
    const out: number[] = [];
    for (const item of seq.items as (Node | null)[]) {
      const dash = item ? this.dashOf(item) : undefined;
      if (dash === undefined || !this.onlySpacesBefore(dash)) return undefined;
      out.push(dash);
    }
    return out.length > 0 ? out : undefined;
  }

  /**
   * Offset of the `-` of a block list item. A node's range starts after its anchor and tag
   * (`- &a x`, `- &m` then the map on the next line), so those are stepped over.
   */
  dashOf(item: Node): number | undefined {
    if (!item.range) return undefined;
    let i = this.start(item) - 1;
    for (;;) {
      while (i >= 0 && /\s/.test(this.text[i] as string)) i--;
      const wordEnd = i;
      while (i >= 0 && !/\s/.test(this.text[i] as string)) i--;
      const word = this.text.slice(i + 1, wordEnd + 1);
      if (word === '-') return i + 1;
      if (!/^[&!]/.test(word)) return undefined;
    }
  }
}

/** A value with no text of its own: `key:`, or `-` alone (a null scalar with an empty range). */
export function isEmptyNode(node: Node): boolean {
  return isScalar(node) && node.range?.[0] === node.range?.[1];
}

export function isBlockScalar(node: Node): boolean {
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
}
