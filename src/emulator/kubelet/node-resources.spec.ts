import { findInstanceType } from '../iaas/instance-types.js';
import { nodeAllocatable, nodeCapacity } from './node-resources.js';

describe('node resources', () => {
  it.each([
    ['S2.SMALL2', '1', '2097152Ki', '940m', '1470464Ki'],
    ['S2.MEDIUM4', '2', '4194304Ki', '1930m', '3043328Ki'],
    ['S2.LARGE8', '4', '8388608Ki', '3920m', '6398771Ki'],
    ['S2.2XLARGE16', '8', '16777216Ki', '7910m', '13948518Ki'],
  ])('%s has capacity %s CPU / %s and allocatable %s / %s', (type, cpu, memory, allocCpu, allocMemory) => {
    const instance = findInstanceType(type)!;
    expect(nodeCapacity(instance, 24)).toMatchObject({ cpu, memory, pods: '253' });
    expect(nodeAllocatable(instance, 24)).toMatchObject({ cpu: allocCpu, memory: allocMemory, pods: '253' });
  });
});
