import { multiAttachMessage } from './multi-attach.js';
import { pod } from './testing/fixtures.js';

describe('Multi-Attach message', () => {
  const me = pod('nginx', [], '172.0.0.2');
  it.each([
    ['no pod holds it', [], 'Multi-Attach error for volume "test" Volume is already exclusively attached to one node and can\'t be attached to another'],
    ['pods of the namespace hold it', [pod('nginx-old', []), pod('nginx-b', [])], 'Multi-Attach error for volume "test" Volume is already used by pod(s) nginx-old, nginx-b'],
    ['pods of other namespaces hold it', [pod('x', [], undefined, 'prod')], 'Multi-Attach error for volume "test" Volume is already used by 1 pod(s) in different namespaces'],
    ['both', [pod('nginx-old', []), pod('x', [], undefined, 'prod')], 'Multi-Attach error for volume "test" Volume is already used by pod(s) nginx-old and 1 pod(s) in different namespaces'],
  ])('when %s', (_case, others, message) => {
    expect(multiAttachMessage('test', me, others)).toBe(message);
  });
});
