/**
 * Gaps between nodes, shared by the instant fallback layout and the layered ELK layout so the
 * switch from one to the other barely moves anything. Kept tight: the whole request path is
 * eight columns wide and must stay readable when fitted beside the editor.
 */
export const COLUMN_GAP = 36;
export const ROW_GAP = 16;
