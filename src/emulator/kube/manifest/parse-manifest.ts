import { isMap, isNode, isSeq, LineCounter, parseAllDocuments, type Document, type Tags } from 'yaml';
import { isRecord, type Json } from '../validation/checker.js';
import { splitJsonStream } from './json-stream.js';

/** ManifestDocument is one object of a manifest, with where it came from. */
export interface ManifestDocument {
  /** index is the object's position among the manifest's objects, from 0. */
  index: number;
  /** document is the YAML document (or JSON object) it is in, from 1, counting empty ones. */
  document: number;
  /** item is its position in a `kind: List`, from 1. */
  item?: number;
  /** line is the line it starts on, from 1. */
  line: number;
  object: Json;
}

/** ManifestError is a document that could not be read, with its message (already prefixed with the document). */
export interface ManifestError {
  document: number;
  message: string;
}

/** ParsedManifest is every object found, and every syntax error, by document. */
export interface ParsedManifest {
  documents: ManifestDocument[];
  errors: ManifestError[];
}

/** describeLocation names where an object came from: `document 2`, or `document 1, item 3`. */
export function describeLocation(doc: Pick<ManifestDocument, 'document' | 'item'>): string {
  return doc.item === undefined ? `document ${doc.document}` : `document ${doc.document}, item ${doc.item}`;
}

/** YAML 1.1 as Kubernetes' go-yaml reads it (`yes` is true, `0777` octal), but timestamps and `1:20` stay strings. */
const customTags = (tags: Tags): Tags => tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME'));

/** dropNulls removes null fields, which Go decodes as unset. */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (!isRecord(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = dropNulls(v);
  return out;
}

function kindOf(value: unknown): string {
  return Array.isArray(value) ? 'a list' : typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/** listItems expands a `kind: List` (or `<Kind>List`) into its items, each with its line; a typed list lends its items apiVersion and kind. */
function listItems(object: Json, doc: Document, lines: LineCounter): Array<{ object: unknown; line: number }> | undefined {
  if (typeof object.kind !== 'string' || !object.kind.endsWith('List') || !Array.isArray(object.items)) return undefined;
  const node = isMap(doc.contents) ? doc.contents.get('items', true) : undefined;
  const itemKind = object.kind === 'List' ? undefined : object.kind.slice(0, -'List'.length);
  return object.items.map((item, i) => {
    const entry: unknown = isSeq(node) ? node.items[i] : undefined;
    const range = isNode(entry) ? entry.range : undefined;
    const filled = isRecord(item) && itemKind ? { apiVersion: object.apiVersion, kind: itemKind, ...item } : item;
    return { object: filled, line: range ? lines.linePos(range[0]).line : 0 };
  });
}

/** parseDocuments parses one YAML stream; `firstDocument` and `lineOffset` place it within a larger JSON stream. */
function parseDocuments(text: string, out: ParsedManifest, firstDocument: number, lineOffset: number): number {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { version: '1.1', customTags, lineCounter: lines, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, i) => {
    const document = firstDocument + i;
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const line = (error.linePos?.[0]?.line ?? 0) + lineOffset;
        out.errors.push({ document, message: `document ${document}: yaml: line ${line}: ${error.message.split(' at line ')[0]}` });
      }
      return;
    }
    const line = lines.linePos(doc.contents?.range?.[0] ?? 0).line + lineOffset;
    let value: unknown;
    try {
      value = dropNulls(doc.toJS({ maxAliasCount: 1000 }));
    } catch (error) {
      out.errors.push({ document, message: `document ${document}: yaml: line ${line}: ${(error as Error).message}` });
      return;
    }
    if (value === null || value === undefined) return;
    if (!isRecord(value)) {
      out.errors.push({ document, message: `document ${document}: yaml: line ${line}: a manifest document must be a mapping (an object), not ${kindOf(value)}` });
      return;
    }
    const items = listItems(value, doc, lines);
    if (!items) {
      out.documents.push({ index: out.documents.length, document, line, object: value });
      return;
    }
    items.forEach((item, j) => {
      if (isRecord(item.object)) out.documents.push({ index: out.documents.length, document, item: j + 1, line: item.line + lineOffset, object: item.object });
      else out.errors.push({ document, message: `document ${document}, item ${j + 1}: a list item must be a mapping (an object), not ${kindOf(item.object)}` });
    });
  });
  return firstDocument + list.length;
}

/** parseManifest reads multi-document YAML, JSON (one object or several in a row) and `kind: List`, skipping empty documents. */
export function parseManifest(text: string): ParsedManifest {
  const out: ParsedManifest = { documents: [], errors: [] };
  const chunks = splitJsonStream(text);
  if (!chunks) {
    parseDocuments(text, out, 1, 0);
    return out;
  }
  chunks.forEach((chunk, i) => parseDocuments(chunk.text, out, i + 1, chunk.line - 1));
  return out;
}
