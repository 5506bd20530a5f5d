import type { Json } from './json.js';
import { applyJsonPatch, parsePointer } from './json-patch.js';
import { applyMergePatch } from './merge-patch.js';

describe('JSON pointers', () => {
  it.each([
    ['', []],
    ['/metadata/labels/app', ['metadata', 'labels', 'app']],
    ['/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration', ['metadata', 'annotations', 'kubectl.kubernetes.io/last-applied-configuration']],
    ['/a~0b', ['a~b']],
    ['no-slash', undefined],
  ])('%s', (pointer, expected) => {
    expect(parsePointer(pointer)).toEqual(expected);
  });
});

describe('JSON patch (RFC 6902)', () => {
  const doc = { metadata: { name: 'web', labels: { app: 'web' } }, spec: { replicas: 1, containers: [{ name: 'a' }, { name: 'b' }] } };

  it.each<[string, unknown, Json]>([
    ['add a label', [{ op: 'add', path: '/metadata/labels/tier', value: 'fe' }], { ...doc, metadata: { name: 'web', labels: { app: 'web', tier: 'fe' } } }],
    ['replace replicas', [{ op: 'replace', path: '/spec/replicas', value: 3 }], { ...doc, spec: { ...doc.spec, replicas: 3 } }],
    ['remove a label', [{ op: 'remove', path: '/metadata/labels/app' }], { ...doc, metadata: { name: 'web', labels: {} } }],
    ['append with -', [{ op: 'add', path: '/spec/containers/-', value: { name: 'c' } }], { ...doc, spec: { replicas: 1, containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] } }],
    ['insert at 0', [{ op: 'add', path: '/spec/containers/0', value: { name: 'z' } }], { ...doc, spec: { replicas: 1, containers: [{ name: 'z' }, { name: 'a' }, { name: 'b' }] } }],
    ['remove from array', [{ op: 'remove', path: '/spec/containers/0' }], { ...doc, spec: { replicas: 1, containers: [{ name: 'b' }] } }],
    ['move', [{ op: 'move', from: '/metadata/labels/app', path: '/metadata/labels/name' }], { ...doc, metadata: { name: 'web', labels: { name: 'web' } } }],
    ['copy', [{ op: 'copy', from: '/metadata/name', path: '/metadata/labels/copied' }], { ...doc, metadata: { name: 'web', labels: { app: 'web', copied: 'web' } } }],
    ['test then replace', [{ op: 'test', path: '/spec/replicas', value: 1 }, { op: 'replace', path: '/spec/replicas', value: 2 }], { ...doc, spec: { ...doc.spec, replicas: 2 } }],
  ])('%s', (_name, patch, expected) => {
    expect(applyJsonPatch(doc, patch)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['a failing test', [{ op: 'test', path: '/spec/replicas', value: 5 }], 'testing value /spec/replicas failed: test failed'],
    ['a missing parent', [{ op: 'add', path: '/spec/nothing/x', value: 1 }], 'add operation does not apply: doc is missing path: "/spec/nothing/x": missing value'],
    ['replacing what is absent', [{ op: 'replace', path: '/spec/paused', value: true }], 'replace operation does not apply: doc is missing path: "/spec/paused": missing value'],
    ['an index past the end', [{ op: 'remove', path: '/spec/containers/5' }], 'remove operation does not apply: doc is missing path: "/spec/containers/5": missing value'],
    ['an unknown op', [{ op: 'frobnicate', path: '/a' }], 'Unexpected kind: frobnicate'],
  ])('reports %s and leaves the document alone', (_name, patch, error) => {
    const before = JSON.stringify(doc);
    expect(applyJsonPatch(doc, patch)).toEqual({ ok: false, error });
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('calls a body that is not a list of operations a bad request', () => {
    expect(applyJsonPatch(doc, { op: 'add' })).toMatchObject({ ok: false, badRequest: true });
  });
});

describe('JSON merge patch (RFC 7386)', () => {
  it.each<[Json, Json, Json]>([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('%j + %j = %j', (target, patch, expected) => {
    expect(applyMergePatch(target, patch)).toEqual(expected);
  });
});
