import { SeededRandom } from '../clock/seeded-random.js';
import { diskSizeProblem, diskTypeOf, isDiskId, newDiskId, provisionSizeGB, type DiskType } from './cbs.js';

const GI = 2 ** 30;

describe('CBS rules', () => {
  it.each<[DiskType, number, string | undefined]>([
    ['CLOUD_BASIC', 10, undefined],
    ['CLOUD_BASIC', 4000, undefined],
    ['CLOUD_BASIC', 5, 'CLOUD_BASIC disks are 10–4000 GB in steps of 10'],
    ['CLOUD_BASIC', 25, 'CLOUD_BASIC disks are 10–4000 GB in steps of 10'],
    ['CLOUD_PREMIUM', 50, undefined],
    ['CLOUD_PREMIUM', 49, 'CLOUD_PREMIUM disks are 50–16000 GB'],
    ['CLOUD_SSD', 199, 'CLOUD_SSD disks are 200–16000 GB'],
    ['CLOUD_SSD', 16001, 'CLOUD_SSD disks are 200–16000 GB'],
  ])('a %s disk of %s GB: %s', (type, size, problem) => {
    expect(diskSizeProblem(type, size)).toBe(problem);
  });

  it.each<[DiskType, number, number | undefined]>([
    ['CLOUD_BASIC', 10 * GI, 10],
    ['CLOUD_BASIC', 1, 10],
    ['CLOUD_BASIC', 11 * GI, 20],
    ['CLOUD_BASIC', 10 * 1e9, 10],
    ['CLOUD_BASIC', 4001 * GI, undefined],
    ['CLOUD_PREMIUM', 10 * GI, 50],
    ['CLOUD_PREMIUM', 51.5 * GI, 52],
    ['CLOUD_SSD', 10 * GI, 200],
    ['CLOUD_SSD', 17000 * GI, undefined],
  ])('a %s claim of %s bytes provisions %s GB', (type, bytes, size) => {
    expect(provisionSizeGB(type, bytes)).toBe(size);
  });

  it.each([
    [undefined, 'CLOUD_BASIC'],
    [{}, 'CLOUD_BASIC'],
    [{ type: 'cbs' }, 'CLOUD_BASIC'],
    [{ type: 'CLOUD_SSD' }, 'CLOUD_SSD'],
    [{ type: 'CLOUD_PREMIUM' }, 'CLOUD_PREMIUM'],
    [{ type: 'ssd' }, undefined],
  ])('parameters %j mean %s disks', (parameters, type) => {
    expect(diskTypeOf(parameters)).toBe(type);
  });

  it('draws well-formed ids, skipping taken ones', () => {
    const first = newDiskId(new SeededRandom(7));
    expect(isDiskId(first)).toBe(true);
    const second = newDiskId(new SeededRandom(7), (id) => id === first);
    expect(second).not.toBe(first);
    expect(isDiskId(second)).toBe(true);
    expect(isDiskId('disk-echj2drf')).toBe(true);
    expect(isDiskId('disk-echj2dr')).toBe(false);
  });
});
