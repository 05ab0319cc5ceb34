import { isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { type Container, findPair, formatPath, locate, type Path } from './path.ts';
import {
  columnOf,
  detectStyle,
  indentRest,
  isCollectionValue,
  isEmptyCollection,
  renderFlow,
  renderScalar,
  renderValue,
  type Style,
} from './render.ts';
import { MAX_ALIAS_COUNT, parseYamlDoc, type YamlDoc } from './yamlDoc.ts';

/** A change to one document, addressed by path. */
export type DocEdit =
  | { readonly op: 'set'; readonly path: Path; readonly value: unknown }
  | { readonly op: 'delete'; readonly path: Path }
  | { readonly op: 'insert'; readonly path: Path; readonly index: number; readonly value: unknown }
  | { readonly op: 'move'; readonly path: Path; readonly from: number; readonly to: number };

export type EditResult =
  | { readonly ok: true; readonly doc: YamlDoc }
  | { readonly ok: false; readonly message: string };

/** A replacement of `[from, to)` of the document's text. */
interface Splice {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/**
 * Applies an edit by rewriting only the source text it concerns, then parses the document
 * again. Everything outside the splice keeps its bytes, which is what keeps comments, quoting,
 * anchors and key order of the rest of the document; `String(document)` would normalise them.
 */
export function editDoc(ydoc: YamlDoc, edit: DocEdit): EditResult {
  if (ydoc.problems.length > 0) {
    return { ok: false, message: 'this document has YAML errors; fix them in the text first' };
  }
  const editor = new DocTextEditor(ydoc);
  const splice = editor.plan(edit);
  if (typeof splice === 'string') return { ok: false, message: splice };
  if (splice === null) return { ok: true, doc: ydoc };
  const text = ydoc.text.slice(0, splice.from) + splice.text + ydoc.text.slice(splice.to);
  const doc = parseYamlDoc(text);
  if (doc.problems.length > 0) {
    return {
      ok: false,
      message: `internal: the edit at ${formatPath(edit.path)} produced invalid YAML (${doc.problems[0]?.message})`,
    };
  }
  return { ok: true, doc };
}

/** Plans the text splice for one edit. A string result is a reason the edit cannot be made. */
class DocTextEditor {
  private readonly src: string;
  private readonly base: number;
  private readonly root: Node | null;
  private readonly style: Style;
  private readonly document: YamlDoc['document'];

  constructor(ydoc: YamlDoc) {
    this.document = ydoc.document;
    this.src = ydoc.text;
    this.base = ydoc.base;
    this.root = ydoc.document.contents as Node | null;
    this.style = detectStyle(ydoc.text, this.root, ydoc.base);
  }

  plan(edit: DocEdit): Splice | string | null {
    const flow = this.flowAncestor(edit.path);
    if (flow) return this.rewriteFlow(flow, edit);
    switch (edit.op) {
      case 'set':
        return this.set(edit.path, edit.value);
      case 'delete':
        return this.remove(edit.path);
      case 'insert':
        return this.insert(edit.path, edit.index, edit.value);
      case 'move':
        return this.move(edit.path, edit.from, edit.to);
    }
  }

  // ── set ──────────────────────────────────────────────────────────────────────────────

  private set(path: Path, value: unknown): Splice | string {
    const located = locate(this.root, path);
    if (located.found) {
      const { node, parent, key } = located;
      if (isAlias(node)) return this.replaceEntry(path, parent, key, value);
      if (
        isScalar(node) &&
        !isCollectionValue(value) &&
        node.source !== '' &&
        !isBlockScalar(node) &&
        node.range
      ) {
        const [from, to] = this.span(node);
        return { from, to, text: renderScalar(value, node, this.style) };
      }
      return this.replaceEntry(path, parent, key, value);
    }
    const { depth, node } = located;
    const rest = path.slice(depth);
    const head = rest[0] as string | number;
    const nested = nest(rest.slice(1), value);
    if (nested === undefined)
      return `cannot create ${formatPath(path)}: only index 0 of a new list can be set`;
    if (isMap(node)) return this.appendPair(node, head, nested);
    if (isSeq(node) && head === node.items.length) return this.insertItem(node, head, nested);
    if (node === null || (isScalar(node) && node.value === null)) {
      const whole = nest(rest, value);
      if (whole === undefined)
        return `cannot create ${formatPath(path)}: only index 0 of a new list can be set`;
      return this.set(path.slice(0, depth), whole);
    }
    return `cannot set ${formatPath(path)}: ${formatPath(path.slice(0, depth)) || 'the document'} is not a map or list`;
  }

  /** Replaces a whole entry (`key: value` or `- value`), keeping the key as written. */
  private replaceEntry(
    path: Path,
    parent: Container | null,
    key: string | number | null,
    value: unknown,
  ): Splice | string {
    if (parent === null || key === null) return this.replaceRoot(value);
    if (isMap(parent)) {
      const pair = findPair(parent, key) as Pair<Node, Node | null>;
      const from = this.start(pair.key);
      const to = this.contentEnd(pair.value ?? pair.key);
      const column = columnOf(this.src, from);
      const keyText = this.src.slice(from, this.span(pair.key)[1]);
      return { from, to, text: keyText + this.afterKey(value, column) };
    }
    const item = parent.items[key as number] as Node | null;
    if (!item?.range) return `cannot replace ${formatPath(path)}`;
    const from = this.start(item);
    const gap = this.src[from - 1] === '-' ? ' ' : '';
    return {
      from,
      to: this.contentEnd(item),
      text:
        gap +
        indentRest(
          renderValue(value, this.style),
          columnOf(this.src, from) + gap.length,
          this.style,
        ),
    };
  }

  private replaceRoot(value: unknown): Splice {
    const root = this.root;
    if (root?.range && !(isScalar(root) && root.source === '')) {
      const from = this.start(root);
      return {
        from,
        to: this.contentEnd(root),
        text: indentRest(renderValue(value, this.style), columnOf(this.src, from), this.style),
      };
    }
    // An empty document (`---` alone, or only comments): add the content at its end.
    const at = this.src.length;
    const lead = at > 0 && !this.src.endsWith('\n') ? this.style.eol : '';
    return {
      from: at,
      to: at,
      text: `${lead}${renderValue(value, this.style).split('\n').join(this.style.eol)}${this.style.eol}`,
    };
  }

  /** What follows `key:` for a value whose key sits at `column`. */
  private afterKey(value: unknown, column: number): string {
    if (isCollectionValue(value) && !isEmptyCollection(value)) {
      const childColumn =
        column + (Array.isArray(value) && !this.style.indentSeq ? 0 : this.style.indent);
      const pad = ' '.repeat(childColumn);
      return (
        this.style.eol + pad + indentRest(renderValue(value, this.style), childColumn, this.style)
      );
    }
    return ` ${indentRest(renderValue(value, this.style), column, this.style)}`;
  }

  private appendPair(map: Container, key: string | number, value: unknown): Splice | string {
    const first = map.items[0] as Pair<Node, Node | null> | undefined;
    const last = map.items[map.items.length - 1] as Pair<Node, Node | null> | undefined;
    if (!first?.key.range || !last) return 'cannot add to an empty map';
    const column = columnOf(this.src, this.start(first.key));
    const at = this.lineAfter(this.contentEnd(last.value ?? last.key));
    return this.insertLines(
      at,
      column,
      `${renderValue(key, this.style)}:${this.afterKey(value, column)}`,
    );
  }

  // ── lists ────────────────────────────────────────────────────────────────────────────

  private insert(path: Path, index: number, value: unknown): Splice | string {
    const located = locate(this.root, path);
    const node = located.found ? located.node : null;
    if (node === null || (isScalar(node) && node.value === null)) {
      if (index !== 0) return `cannot insert at ${formatPath(path)}[${index}]: the list is empty`;
      return this.set(path, [value]);
    }
    if (!isSeq(node)) return `cannot insert into ${formatPath(path)}: it is not a list`;
    if (!Number.isInteger(index) || index < 0 || index > node.items.length) {
      return `cannot insert at ${formatPath(path)}[${index}]: the list has ${node.items.length} items`;
    }
    return this.insertItem(node, index, value);
  }

  private insertItem(seq: Container, index: number, value: unknown): Splice | string {
    const dashes = this.dashes(seq);
    if (!dashes)
      return this.rewriteWhole(seq, insertAt(this.plain(seq) as unknown[], index, value));
    const column = columnOf(this.src, dashes[0] as number);
    const item = `- ${indentRest(renderValue(value, this.style), column + 2, this.style)}`;
    if (index < dashes.length) {
      const at = this.blockStart(dashes[index] as number);
      return { from: at, to: at, text: ' '.repeat(column) + item + this.style.eol };
    }
    const last = seq.items[seq.items.length - 1] as Node;
    return this.insertLines(this.lineAfter(this.contentEnd(last)), column, item);
  }

  private move(path: Path, from: number, to: number): Splice | string | null {
    const located = locate(this.root, path);
    const seq = located.found ? located.node : null;
    if (!isSeq(seq)) return `cannot move items of ${formatPath(path)}: it is not a list`;
    const n = seq.items.length;
    if (![from, to].every((i) => Number.isInteger(i) && i >= 0 && i < n)) {
      return `cannot move ${formatPath(path)}[${from}] to [${to}]: the list has ${n} items`;
    }
    if (from === to) return null;
    const dashes = this.dashes(seq);
    if (!dashes) return this.rewriteWhole(seq, moveWithin(this.plain(seq) as unknown[], from, to));
    const starts = dashes.map((dash) => this.blockStart(dash));
    const end = this.lineAfter(this.contentEnd(seq.items[n - 1] as Node));
    const blocks = starts.map((start, i) => this.src.slice(start, starts[i + 1] ?? end));
    const lastBlock = blocks[n - 1] as string;
    const missingEol = !/\n$/.test(lastBlock);
    if (missingEol) blocks[n - 1] = lastBlock + this.style.eol;
    let text = moveWithin(blocks, from, to).join('');
    if (missingEol) text = text.slice(0, -this.style.eol.length);
    return { from: starts[0] as number, to: end, text };
  }

  // ── delete ───────────────────────────────────────────────────────────────────────────

  private remove(path: Path): Splice | string | null {
    const located = locate(this.root, path);
    if (!located.found) return null;
    const { parent, key } = located;
    if (parent === null || key === null) return this.replaceRoot(null);
    const parentPath = path.slice(0, -1);
    if (parent.items.length === 1) return this.set(parentPath, isMap(parent) ? {} : []);
    if (isMap(parent)) {
      const index = parent.items.indexOf(findPair(parent, key) as Pair<unknown, unknown>);
      const pair = parent.items[index] as Pair<Node, Node | null>;
      const keyStart = this.start(pair.key);
      if (this.onlySpacesBefore(keyStart)) {
        return {
          from: this.blockStart(keyStart),
          to: this.lineAfter(this.contentEnd(pair.value ?? pair.key)),
          text: '',
        };
      }
      // The first key of a list item (`- name: a`): the next key moves up behind the dash.
      const next = parent.items[index + 1] as Pair<Node, Node | null> | undefined;
      if (next) return { from: keyStart, to: this.start(next.key), text: '' };
      return this.rewriteWhole(parent, omitKey(this.plain(parent) as Record<string, unknown>, key));
    }
    const dashes = this.dashes(parent);
    const index = key as number;
    if (!dashes) return this.rewriteWhole(parent, removeAt(this.plain(parent) as unknown[], index));
    const item = parent.items[index] as Node;
    return {
      from: this.blockStart(dashes[index] as number),
      to: this.lineAfter(this.contentEnd(item)),
      text: '',
    };
  }

  // ── flow collections and fallbacks ───────────────────────────────────────────────────

  /** The outermost flow collection (`{…}`, `[…]`) the edit reaches into, with its path. */
  private flowAncestor(path: Path): { node: Container; path: Path } | undefined {
    for (let depth = 0; depth <= path.length; depth++) {
      const prefix = path.slice(0, depth);
      const located = locate(this.root, prefix);
      if (!located.found) return undefined;
      const node = located.node;
      if ((isMap(node) || isSeq(node)) && node.flow) return { node, path: prefix };
    }
    return undefined;
  }

  /** Edits inside a flow collection are made on its value and the collection is written again on one line. */
  private rewriteFlow(
    flow: { node: Container; path: Path },
    edit: DocEdit,
  ): Splice | string | null {
    const relative = edit.path.slice(flow.path.length);
    const before = this.plain(flow.node);
    const after = applyPlain(before, { ...edit, path: relative });
    if (after instanceof PlainEditError) return after.message;
    const [from, to] = this.span(flow.node);
    return { from, to, text: renderFlow(after, this.style) };
  }

  /** Writes a block collection again from its value: for layouts the line-based edits do not handle. */
  private rewriteWhole(node: Container, value: unknown): Splice | string {
    const path = this.pathOf(node);
    if (!path) return 'cannot edit this collection';
    const parentPath = path.slice(0, -1);
    const located = locate(this.root, parentPath);
    const parent =
      located.found && (isMap(located.node) || isSeq(located.node)) ? located.node : null;
    return this.replaceEntry(
      path,
      parent,
      path.length ? (path[path.length - 1] as string | number) : null,
      value,
    );
  }

  private pathOf(target: Node): Path | undefined {
    const search = (node: unknown, path: (string | number)[]): Path | undefined => {
      if (node === target) return path;
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? (pair.key.value as string | number) : undefined;
          if (key === undefined) continue;
          const found = search(pair.value, [...path, key]);
          if (found) return found;
        }
      } else if (isSeq(node)) {
        for (let i = 0; i < node.items.length; i++) {
          const found = search(node.items[i], [...path, i]);
          if (found) return found;
        }
      }
      return undefined;
    };
    return search(this.root, []);
  }

  /** A node's plain value, aliases resolved (within the alias limit). */
  private plain(node: Node): unknown {
    return node.toJS(this.document, { maxAliasCount: MAX_ALIAS_COUNT });
  }

  // ── text positions ───────────────────────────────────────────────────────────────────

  private span(node: Node): [number, number] {
    const range = node.range as [number, number, number];
    return [range[0] - this.base, range[1] - this.base];
  }

  private start(node: Node): number {
    return this.span(node)[0];
  }

  /** End of a node's content without the line breaks and blank space that follow it. */
  private contentEnd(node: Node): number {
    let [start, end] = this.span(node);
    while (end > start && /\s/.test(this.src[end - 1] as string)) end--;
    return end;
  }

  /** Offset just past the line that holds `offset - 1`: where the next line starts. */
  private lineAfter(end: number): number {
    const newline = this.src.indexOf('\n', Math.max(end - 1, 0));
    return newline === -1 ? this.src.length : newline + 1;
  }

  private onlySpacesBefore(offset: number): boolean {
    const lineStart = this.src.lastIndexOf('\n', offset - 1) + 1;
    return /^[ ]*$/.test(this.src.slice(lineStart, offset));
  }

  /**
   * Start of the line at `offset`, moved up over comment lines directly above it at the same
   * indentation: a comment written above an entry belongs to it.
   */
  private blockStart(offset: number): number {
    let lineStart = this.src.lastIndexOf('\n', offset - 1) + 1;
    const column = offset - lineStart;
    while (lineStart > 0) {
      const prevStart = this.src.lastIndexOf('\n', lineStart - 2) + 1;
      const prev = this.src.slice(prevStart, lineStart).replace(/\r?\n$/, '');
      if (!/^ *#/.test(prev) || prev.indexOf('#') !== column) break;
      lineStart = prevStart;
    }
    return lineStart;
  }

  /** Offsets of each item's `-` in a block list, when every `-` starts its own line. */
  private dashes(seq: Container): number[] | undefined {
    const out: number[] = [];
    for (const item of seq.items as (Node | null)[]) {
      if (!item?.range) return undefined;
      let i = this.start(item) - 1;
      while (i >= 0 && this.src[i] === ' ') i--;
      if (this.src[i] !== '-' || !this.onlySpacesBefore(i)) return undefined;
      out.push(i);
    }
    return out.length > 0 ? out : undefined;
  }

  /** Inserts `text` as new lines at a line start, indented to `column`. */
  private insertLines(at: number, column: number, text: string): Splice {
    const lead = at > 0 && this.src[at - 1] !== '\n' ? this.style.eol : '';
    return { from: at, to: at, text: `${lead}${' '.repeat(column)}${text}${this.style.eol}` };
  }
}

function isBlockScalar(node: Node): boolean {
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
}

/** Builds the value to create for a missing path: `['a', 0, 'b']` → `{a: [{b: value}]}`. */
function nest(path: Path, value: unknown): unknown {
  let out = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i] as string | number;
    if (typeof segment === 'number') {
      if (segment !== 0) return undefined;
      out = [out];
    } else {
      out = { [segment]: out };
    }
  }
  return out;
}

// ── edits on plain values (for flow collections and fallbacks) ─────────────────────────

class PlainEditError {
  constructor(readonly message: string) {}
}

function applyPlain(value: unknown, edit: DocEdit): unknown {
  const { path } = edit;
  if (path.length === 0) {
    switch (edit.op) {
      case 'set':
        return edit.value;
      case 'delete':
        return null;
      case 'insert':
        return Array.isArray(value)
          ? insertAt(value, edit.index, edit.value)
          : new PlainEditError('not a list');
      case 'move':
        return Array.isArray(value)
          ? moveWithin(value, edit.from, edit.to)
          : new PlainEditError('not a list');
    }
  }
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (edit.op === 'delete' && rest.length === 0) {
    if (Array.isArray(value) && typeof head === 'number') return removeAt(value, head);
    if (isCollectionValue(value)) return omitKey(value as Record<string, unknown>, head);
    return value;
  }
  const child = isCollectionValue(value)
    ? (value as Record<string | number, unknown>)[head]
    : undefined;
  const next = applyPlain(child ?? (typeof rest[0] === 'number' ? [] : {}), {
    ...edit,
    path: rest,
  });
  if (next instanceof PlainEditError) return next;
  if (Array.isArray(value) && typeof head === 'number')
    return value.map((v, i) => (i === head ? next : v)).concat(head === value.length ? [next] : []);
  const copy: Record<string, unknown> = isCollectionValue(value)
    ? { ...(value as Record<string, unknown>) }
    : {};
  Object.defineProperty(copy, String(head), {
    value: next,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

function insertAt<T>(list: readonly T[], index: number, value: T): T[] {
  return [...list.slice(0, index), value, ...list.slice(index)];
}

function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

function moveWithin<T>(list: readonly T[], from: number, to: number): T[] {
  const out = removeAt(list, from);
  out.splice(to, 0, list[from] as T);
  return out;
}

function omitKey(map: Record<string, unknown>, key: string | number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(map)) {
    if (k !== String(key))
      Object.defineProperty(out, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out;
}
