/** JSON streams: kubectl accepts several JSON objects one after another, which YAML would not. */

/** JsonChunk is one top-level JSON value's text and the line it starts on (from 1). */
export interface JsonChunk {
  text: string;
  line: number;
}

/** splitJsonStream splits text that starts with `{` into its top-level values; undefined when the text is not JSON. */
export function splitJsonStream(text: string): JsonChunk[] | undefined {
  const start = text.search(/\S/);
  if (start < 0 || text[start] !== '{') return undefined;
  const chunks: JsonChunk[] = [];
  let depth = 0;
  let inString = false;
  let from = start;
  let line = 1 + (text.slice(0, start).match(/\n/g)?.length ?? 0);
  let chunkLine = line;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (depth === 0) {
        from = i;
        chunkLine = line;
      }
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth < 0) return undefined;
      if (depth === 0) chunks.push({ text: text.slice(from, i + 1), line: chunkLine });
    } else if (depth === 0 && !/\s/.test(ch)) {
      return undefined;
    }
  }
  if (depth !== 0) chunks.push({ text: text.slice(from), line: chunkLine });
  return chunks;
}
