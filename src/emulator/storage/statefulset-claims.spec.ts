import type { StatefulSet } from '../kube/index.js';
import { claimsFor, podClaimNames, setClaimNames } from './statefulset-claims.js';
import { pod } from './testing/fixtures.js';

const mongo = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'mongo', namespace: 'default', uid: 'u1' },
  spec: {
    replicas: 3,
    serviceName: 'mongo',
    selector: { matchLabels: { role: 'mongo' } },
    template: { metadata: { labels: { role: 'mongo' } }, spec: { containers: [{ name: 'mongo', image: 'mongo' }] } },
    volumeClaimTemplates: [
      {
        metadata: { name: 'mongo-persistent-storage', annotations: { 'volume.beta.kubernetes.io/storage-class': 'cbs' } },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
      },
    ],
  },
} as unknown as StatefulSet;

describe('StatefulSet claims', () => {
  it.each([
    [[0, 1, 2], ['mongo-persistent-storage-mongo-0', 'mongo-persistent-storage-mongo-1', 'mongo-persistent-storage-mongo-2']],
    [[4], ['mongo-persistent-storage-mongo-4']],
  ])('names the claims of ordinals %j <template>-<set>-<ordinal>', (ordinals, names) => {
    expect(setClaimNames(mongo, ordinals)).toEqual(names);
  });

  it("stamps the seed's claim with its class annotation, size and mode", () => {
    expect(claimsFor(mongo, 1)[0]).toMatchObject({
      metadata: { name: 'mongo-persistent-storage-mongo-1', namespace: 'default', labels: { role: 'mongo' }, annotations: { 'volume.beta.kubernetes.io/storage-class': 'cbs' } },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
    });
  });

  it('reads the claims a pod names', () => {
    expect(podClaimNames(pod('mongo-1', [{ name: 'mongo-persistent-storage', persistentVolumeClaim: { claimName: 'mongo-persistent-storage-mongo-1' } }, { name: 'tmp', emptyDir: {} }]))).toEqual(['mongo-persistent-storage-mongo-1']);
  });
});
