import { formatFieldErrors } from '../kube/validation/field-error.js';
import { ANNOTATION_DEFAULT_STORAGE_CLASS, type StorageClass } from '../kube/index.js';
import { validateCbsStorageClass } from './storage-class-validation.js';
import { claimClassName, defaultStorageClass, isDefaultClass } from './storage-classes.js';
import { claim, storageClass } from './testing/fixtures.js';

const at = (sc: StorageClass, creationTimestamp: string): StorageClass => ({ ...sc, metadata: { ...sc.metadata, creationTimestamp } });
const ga = (name: string): StorageClass => ({ ...storageClass(name, { isDefault: false }), metadata: { name, annotations: { [ANNOTATION_DEFAULT_STORAGE_CLASS]: 'true' } } });

describe('storage classes', () => {
  it.each<[string, StorageClass, boolean]>([
    ['the beta mark', storageClass('cbs'), true],
    ['the GA mark', ga('fast'), true],
    ['no mark', storageClass('slow', { isDefault: false }), false],
    ['a mark saying false', { ...storageClass('x', { isDefault: false }), metadata: { name: 'x', annotations: { [ANNOTATION_DEFAULT_STORAGE_CLASS]: 'false' } } }, false],
  ])('%s makes a class default: %s', (_case, sc, expected) => {
    expect(isDefaultClass(sc)).toBe(expected);
  });

  it.each<[string, StorageClass[], string | undefined]>([
    ['none marked', [storageClass('slow', { isDefault: false })], undefined],
    ['the only one marked', [storageClass('slow', { isDefault: false }), storageClass('cbs')], 'cbs'],
    ['the newest of several', [at(storageClass('cbs'), '2017-01-01T00:00:00Z'), at(ga('fast'), '2024-01-01T00:00:00Z')], 'fast'],
    ['the first by name at the same time', [at(ga('b'), '2024-01-01T00:00:00Z'), at(ga('a'), '2024-01-01T00:00:00Z')], 'a'],
  ])('the default is %s', (_case, classes, expected) => {
    expect(defaultStorageClass(classes)?.metadata.name).toBe(expected);
  });

  it.each([
    ['the beta annotation first', claim('c', { betaClass: 'cbs', className: 'other' }), 'cbs'],
    ['spec.storageClassName', claim('c', { className: 'fast' }), 'fast'],
    ['"" for no class', claim('c', { className: '' }), ''],
    ['nothing when unset', claim('c'), undefined],
  ])("a claim's class is %s", (_case, c, expected) => {
    expect(claimClassName(c)).toBe(expected);
  });
});

describe('validateCbsStorageClass', () => {
  it.each<[string, Partial<StorageClass>, string[]]>([
    ["the seed's class", {}, []],
    ['each CBS type', { parameters: { type: 'CLOUD_SSD' } }, []],
    ['an unknown type', { parameters: { type: 'ssd' } }, ['parameters[type]: Unsupported value: "ssd": supported values: "CLOUD_BASIC", "CLOUD_PREMIUM", "CLOUD_SSD", "cbs"']],
    ['a blank zone', { parameters: { zone: ' ' } }, ['parameters[zone]: Invalid value: " ": must name an availability zone']],
    ['a bad reclaim policy', { reclaimPolicy: 'Recycle' as 'Retain' }, ['reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"']],
    ['a bad binding mode', { volumeBindingMode: 'Later' as 'Immediate' }, ['volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"']],
    ['no provisioner', { provisioner: '' }, ['provisioner: Required value']],
    ['another provisioner, whose parameters are its own', { provisioner: 'example.com/nfs', parameters: { type: 'anything' } }, []],
  ])('%s', (_case, overrides, errors) => {
    expect(formatFieldErrors(validateCbsStorageClass({ ...storageClass(), ...overrides }))).toEqual(errors);
  });
});
