import { annotationWith, SUPPRESS_ANNOTATION } from '../model/suppressAnnotation.ts';
import { type Entry, entryAddress } from '../workspace/workspace.ts';
import type { Command } from './command.ts';

/**
 * "Suppress": adds `code` to the resource's `galley.istio.io/analyze-suppress` annotation, as
 * istioctl reads it. One `setValue`, so one undo step, and only the needed lines change: the
 * annotation (with `annotations:` when the resource has none) or the value it extends.
 */
export function suppressCommand(entry: Entry, code: string): Command {
  const existing = entry.object.metadata.annotations[SUPPRESS_ANNOTATION];
  return {
    type: 'setValue',
    target: entryAddress(entry),
    path: ['metadata', 'annotations', SUPPRESS_ANNOTATION],
    value: annotationWith(existing, code),
  };
}
