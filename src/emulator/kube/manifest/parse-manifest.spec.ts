import { parseManifest } from './parse-manifest.js';

const where = (text: string) => parseManifest(text).documents.map(({ index, document, item, line }) => ({ index, document, item, line }));

describe('parsing manifests', () => {
  it('numbers documents as they appear, skipping empty ones', () => {
    const text = 'apiVersion: v1\nkind: Namespace\n---\n---\n# only a comment\n---\napiVersion: v1\nkind: Pod\n';
    expect(where(text)).toEqual([
      { index: 0, document: 1, item: undefined, line: 1 },
      { index: 1, document: 4, item: undefined, line: 7 },
    ]);
    expect(parseManifest(text).documents[1].object).toEqual({ apiVersion: 'v1', kind: 'Pod' });
  });

  it('reads JSON, including several objects in a row', () => {
    expect(parseManifest('{"apiVersion": "v1", "kind": "Pod"}').documents.map((d) => d.object)).toEqual([{ apiVersion: 'v1', kind: 'Pod' }]);
    expect(where('{"kind": "Pod"}\n\n{\n  "kind": "Service"\n}\n')).toEqual([
      { index: 0, document: 1, item: undefined, line: 1 },
      { index: 1, document: 2, item: undefined, line: 3 },
    ]);
  });

  it('expands a List into its items, and lends a typed list its kind', () => {
    const list = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n- apiVersion: v1\n  kind: Service\n';
    expect(where(list)).toEqual([
      { index: 0, document: 1, item: 1, line: 4 },
      { index: 1, document: 1, item: 2, line: 6 },
    ]);
    const typed = parseManifest('apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: a}\n');
    expect(typed.documents[0].object).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } });
  });

  it.each([
    ['apiVersion: v1\n---\nmetadata:\n  name: a\n name: b\n', 'document 2: yaml: line 5: All mapping items must start at the same column'],
    ['a: 1\n---\nb: [1, 2\nc: 3\n', 'document 2: yaml: line 4: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a: 1\na: 2\n', 'document 1: yaml: line 2: Map keys must be unique'],
    ['key: "unterminated\n', 'document 1: yaml: line 2: Missing closing "quote'],
    ['- a\n- b\n', 'document 1: yaml: line 1: a manifest document must be a mapping (an object), not a list'],
  ])('reports %j with its document and line', (text, message) => {
    expect(parseManifest(text).errors.map((e) => e.message)).toEqual([message]);
  });

  it('reads YAML as Kubernetes does: 1.1 booleans and octals, timestamps as text, nulls as unset', () => {
    const [doc] = parseManifest('a: yes\nb: 0644\nc: 2017-06-01\nd: ~\ne: [1, ~]\n').documents;
    expect(doc.object).toEqual({ a: true, b: 420, c: '2017-06-01', e: [1, null] });
  });
});
