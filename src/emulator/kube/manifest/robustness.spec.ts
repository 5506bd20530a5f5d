import fc from 'fast-check';
import { KINDS } from './kinds.js';
import { prepareManifest } from './prepare-manifest.js';

/** Whatever shape a manifest has, preparing it answers with objects or error messages; it never throws. */
describe('preparing malformed manifests', () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  const fieldsOf = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), json, { maxKeys: 6 });
  const specKeys = ['containers', 'template', 'selector', 'ports', 'volumes', 'strategy', 'updateStrategy', 'volumeClaimTemplates', 'rules', 'replicas', 'type'];
  const podKeys = ['containers', 'initContainers', 'volumes', 'restartPolicy', 'tolerations', 'resources', 'name', 'image', 'env', 'livenessProbe'];

  it('never throws, whatever the fields hold', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fieldsOf(specKeys), fieldsOf(podKeys), json, (info, spec, inner, extra) => {
        const object = {
          apiVersion: info.apiVersion,
          kind: info.kind,
          metadata: { name: 'x' },
          spec: { ...spec, template: { metadata: { labels: extra }, spec: inner } },
          data: extra,
          subsets: [inner],
          provisioner: extra,
        };
        const result = prepareManifest(JSON.stringify(object));
        expect(result.ok || result.errors.every((e) => typeof e === 'string' && e.length > 0)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on text that is barely YAML', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = prepareManifest(text);
        expect(result.ok || result.errors.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
