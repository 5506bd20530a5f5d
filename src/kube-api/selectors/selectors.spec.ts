import { checkFieldSelector, matchesFieldSelector, parseFieldSelector } from './field-selector.js';
import { matchesLabelSelector, parseLabelSelector } from './label-selector.js';

const pod = { metadata: { name: 'web-0', namespace: 'default' }, spec: { nodeName: 'n1' }, status: { phase: 'Running' } };
const nodeEvent = { metadata: { name: 'n1.17', namespace: 'default' }, involvedObject: { kind: 'Node', name: 'n1', uid: 'n1' }, type: 'Normal', reason: 'Starting' };

describe('field selectors', () => {
  it.each([
    ['spec.nodeName=n1', [{ field: 'spec.nodeName', op: '=', value: 'n1' }]],
    ['status.phase==Running', [{ field: 'status.phase', op: '=', value: 'Running' }]],
    ['status.phase!=Succeeded,status.phase!=Failed', [{ field: 'status.phase', op: '!=', value: 'Succeeded' }, { field: 'status.phase', op: '!=', value: 'Failed' }]],
    ['involvedObject.namespace=', [{ field: 'involvedObject.namespace', op: '=', value: '' }]],
    ['metadata.name=a\\,b', [{ field: 'metadata.name', op: '=', value: 'a,b' }]],
    ['', []],
    ['nonsense', "invalid selector: 'nonsense'; can't understand 'nonsense'"],
  ])('parses %j', (text, expected) => {
    expect(parseFieldSelector(text)).toEqual(expected);
  });

  it.each([
    ['Pod', pod, 'spec.nodeName=n1,status.phase!=Succeeded,status.phase!=Failed', true],
    ['Pod', pod, 'spec.nodeName=n2', false],
    ['Pod', pod, 'metadata.name=web-0', true],
    ['Pod', pod, 'metadata.namespace=default', true],
    ['Event', nodeEvent, 'involvedObject.kind=Node,involvedObject.name=n1,involvedObject.namespace=,involvedObject.uid=n1', true],
    ['Event', nodeEvent, 'involvedObject.kind=Node,involvedObject.name=n1,involvedObject.namespace=,involvedObject.uid=other', false],
    ['Event', nodeEvent, 'type=Normal,reason=Starting', true],
    ['Pod', { metadata: { name: 'p' }, spec: {} }, 'spec.nodeName=', true],
  ])('%s matches %s', (kind, object, selector, expected) => {
    const reqs = parseFieldSelector(selector);
    if (typeof reqs === 'string') throw new Error(reqs);
    expect(matchesFieldSelector(kind, object, reqs)).toBe(expected);
  });

  it('refuses a field the kind does not index, in the server words', () => {
    expect(checkFieldSelector('Deployment', [{ field: 'spec.replicas', op: '=', value: '1' }])).toBe('field label not supported: spec.replicas');
    expect(checkFieldSelector('Pod', [{ field: 'spec.nodeName', op: '=', value: 'n1' }])).toBeUndefined();
  });
});

describe('label selectors', () => {
  it.each([
    ['app=web', { app: 'web' }, true],
    ['app=web,tier!=db', { app: 'web', tier: 'db' }, false],
    ['env in (a,b)', { env: 'b' }, true],
    ['!legacy', { app: 'x' }, true],
    ['', undefined, true],
  ])('%s against %j is %s', (text, labels, expected) => {
    const reqs = parseLabelSelector(text);
    if (typeof reqs === 'string') throw new Error(reqs);
    expect(matchesLabelSelector(reqs, labels)).toBe(expected);
  });

  it('reports a selector it cannot parse', () => {
    expect(parseLabelSelector('a b')).toMatch(/^unable to parse requirement/);
  });
});
