import type { JsonObject } from './json.js';
import { fieldPathText, fieldSet } from './field-set.js';
import { applyServerSide } from './server-side-apply.js';

const deployment = (containers: JsonObject[], extra: JsonObject = {}): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  spec: { replicas: 2, template: { spec: { containers } }, ...extra },
});
const nginx = { name: 'nginx', image: 'nginx:1.27' };
const T0 = '2024-05-01T10:00:00Z';

describe('FieldsV1 field sets', () => {
  it('records applied fields, keyed list items and leaves, never the identity', () => {
    expect(fieldSet(deployment([nginx]))).toEqual({
      'f:metadata': { 'f:labels': { 'f:app': {} } },
      'f:spec': {
        'f:replicas': {},
        'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:name': {}, 'f:image': {} } } } },
      },
    });
  });

  it.each([
    [['f:spec', 'f:replicas'], '.spec.replicas'],
    [['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"nginx"}', 'f:image'], '.spec.template.spec.containers[name="nginx"].image'],
    [['f:metadata', 'f:finalizers', 'v:"a"'], '.metadata.finalizers["a"]'],
  ])('prints %j as %s', (tokens, text) => {
    expect(fieldPathText(tokens)).toBe(text);
  });
});

describe('server-side apply', () => {
  it('creates when absent and records the manager', () => {
    const result = applyServerSide(undefined, deployment([nginx]), { manager: 'kubectl', force: false, time: T0 });
    expect(result).toMatchObject({ ok: true, created: true });
    if (!result.ok) return;
    expect(result.object.spec).toEqual(deployment([nginx]).spec);
    expect((result.object.metadata as JsonObject).managedFields).toEqual([
      { manager: 'kubectl', operation: 'Apply', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: fieldSet(deployment([nginx])) },
    ]);
  });

  it('updates what changed, keeps other fields, and drops what the manager stopped applying', () => {
    const first = applyServerSide(undefined, deployment([nginx, { name: 'log', image: 'busybox' }], { paused: false }), { manager: 'kubectl', force: false, time: T0 });
    if (!first.ok) throw new Error(first.message);
    const live = { ...first.object, status: { replicas: 2 } };
    const second = applyServerSide(live, deployment([{ name: 'nginx', image: 'nginx:1.28' }]), { manager: 'kubectl', force: false, time: T0 });
    expect(second).toMatchObject({ ok: true, created: false });
    if (!second.ok) return;
    expect(second.object.spec).toEqual(deployment([{ name: 'nginx', image: 'nginx:1.28' }]).spec);
    expect(second.object.status).toEqual({ replicas: 2 });
  });

  it('refuses to take a field another applier set differently, unless forced', () => {
    const first = applyServerSide(undefined, deployment([nginx]), { manager: 'ci', force: false, time: T0 });
    if (!first.ok) throw new Error(first.message);
    const mine = deployment([nginx], { replicas: 5 });
    const refused = applyServerSide(first.object, mine, { manager: 'kubectl', force: false, time: T0 });
    expect(refused).toEqual({
      ok: false,
      conflicts: [{ manager: 'ci', apiVersion: 'apps/v1', field: '.spec.replicas' }],
      message: 'Apply failed with 1 conflict: conflict with "ci" using apps/v1: .spec.replicas',
    });
    const forced = applyServerSide(first.object, mine, { manager: 'kubectl', force: true, time: T0 });
    expect(forced.ok && (forced.object.spec as JsonObject).replicas).toBe(5);
    const ci = forced.ok ? ((forced.object.metadata as JsonObject).managedFields as unknown as Array<{ manager: string; fieldsV1: JsonObject }>)[0] : undefined;
    expect(ci?.manager).toBe('ci');
    expect((ci?.fieldsV1['f:spec'] as JsonObject)['f:replicas']).toBeUndefined();
  });

  it('lets two appliers share a field with the same value', () => {
    const first = applyServerSide(undefined, deployment([nginx]), { manager: 'ci', force: false, time: T0 });
    if (!first.ok) throw new Error(first.message);
    expect(applyServerSide(first.object, deployment([nginx]), { manager: 'kubectl', force: false, time: T0 }).ok).toBe(true);
  });
});
