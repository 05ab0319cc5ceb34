import { describe, expect, test } from 'vitest';
import { parseFile } from './parseFile.ts';
import { DEFAULT_STYLE, detectStyleAmong } from './render.ts';

/** The documents of a file, in the order given by `order` (indexes into the file). */
function docs(text: string, order: readonly number[]) {
  const parsed = parseFile(text).docs;
  return order.map((i) => parsed[i] as (typeof parsed)[number]);
}

const LISTS_AT_KEYS_BY_4 = 'spec:\n    hosts:\n    - a\n';
const INDENTED_LISTS_BY_2 = 'spec:\n  hosts:\n    - a\n';
const MAPS_BY_3 = 'metadata:\n   name: a\n';

describe('detectStyleAmong', () => {
  test('the first document given decides what it shows', () => {
    const text = `${LISTS_AT_KEYS_BY_4}---\n${INDENTED_LISTS_BY_2}`;
    expect(detectStyleAmong(docs(text, [0, 1]), '\n')).toEqual({
      indent: 4,
      indentSeq: false,
      eol: '\n',
    });
    expect(detectStyleAmong(docs(text, [1, 0]), '\n')).toEqual({
      indent: 2,
      indentSeq: true,
      eol: '\n',
    });
  });

  test('a document without lists leaves the list style to the next one', () => {
    const text = `${MAPS_BY_3}---\n${LISTS_AT_KEYS_BY_4}`;
    expect(detectStyleAmong(docs(text, [0, 1]), '\r\n')).toEqual({
      indent: 3,
      indentSeq: false,
      eol: '\r\n',
    });
  });

  test('what no document shows is the default, as for no documents at all', () => {
    expect(detectStyleAmong(docs(MAPS_BY_3, [0]), '\n')).toEqual({
      ...DEFAULT_STYLE,
      indent: 3,
    });
    expect(detectStyleAmong(docs('kind: Service\n', [0]), '\n')).toEqual(DEFAULT_STYLE);
    expect(detectStyleAmong([], '\n')).toEqual(DEFAULT_STYLE);
  });
});
