import { useCallback } from 'react';
import type { DocTarget } from '../../edit/command.ts';
import { fieldCommand } from '../../forms/fieldCommand.ts';
import type { FieldResult, FormField } from '../../forms/types.ts';
import { useDesignerStore } from '../StoreContext.tsx';

/**
 * Writes a field through the store: the input becomes a command (or a message). Typing is
 * coalesced into one undo step per field and burst; a choice (select, checkbox) is a step of its
 * own. A field whose value names the selected node (a subset's name) selects the renamed node.
 */
export function useFieldWriter(
  field: FormField,
  fallback: DocTarget,
): (input: unknown, typing: boolean) => FieldResult {
  const store = useDesignerStore();
  return useCallback(
    (input: unknown, typing: boolean) => {
      const target = field.target ?? fallback;
      const result = fieldCommand(target, field, input);
      if (!result.ok || !result.command) return result;
      const state = store.getState();
      const policy = typing ? { coalesce: `form:${String(target)}:${field.id}` } : 'record';
      if (!state.apply(result.command, policy)) {
        return { ok: false, error: store.getState().notice?.text ?? 'The edit was refused' };
      }
      const next = field.nodeAfter?.(result.value);
      if (next) state.select(next, 'list');
      return result;
    },
    [field, fallback, store],
  );
}
