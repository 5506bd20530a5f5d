import { invalid as fieldInvalid, required } from '../../emulator/kube/validation/field-error.js';
import {
  alreadyExists,
  conflict,
  execExitCode,
  expired,
  forbidden,
  invalid,
  notFound,
  successStatus,
  unauthorized,
  type Status,
} from './status.js';

const pods = { group: '', resource: 'pods' };
const deployments = { group: 'apps', resource: 'deployments' };

describe('Status objects', () => {
  it.each<[string, Status, Partial<Status>]>([
    ['404 core', notFound(pods, 'x'), { code: 404, reason: 'NotFound', message: 'pods "x" not found', details: { name: 'x', kind: 'pods' } }],
    [
      '404 grouped',
      notFound(deployments, 'web'),
      { code: 404, message: 'deployments.apps "web" not found', details: { name: 'web', group: 'apps', kind: 'deployments' } },
    ],
    ['409 AlreadyExists', alreadyExists(pods, 'x'), { code: 409, reason: 'AlreadyExists', message: 'pods "x" already exists' }],
    [
      '409 Conflict',
      conflict(deployments, 'web'),
      {
        code: 409,
        reason: 'Conflict',
        message:
          'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
      },
    ],
    ['410 Expired', expired(5, 100), { code: 410, reason: 'Expired', message: 'too old resource version: 5 (100)' }],
    ['401', unauthorized(), { code: 401, reason: 'Unauthorized', message: 'Unauthorized' }],
    [
      '403 namespaced list',
      forbidden({ group: '', resource: 'pods', user: 'system:anonymous', verb: 'list', namespace: 'default' }),
      {
        code: 403,
        reason: 'Forbidden',
        message: 'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"',
        details: { kind: 'pods' },
      },
    ],
    [
      '403 named, cluster scope',
      forbidden({ group: '', resource: 'nodes', user: 'u', verb: 'get', name: 'n1' }),
      { message: 'nodes "n1" is forbidden: User "u" cannot get resource "nodes" in API group "" at the cluster scope' },
    ],
  ])('%s', (_name, status, expected) => {
    expect(status).toMatchObject({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', ...expected });
  });

  it('422 Invalid lists one cause per field error, as kubectl prints them', () => {
    const status = invalid({ group: 'apps', kind: 'Deployment' }, 'web', [
      required('spec.template.spec.containers[0].image'),
      fieldInvalid('spec.replicas', -1, 'must be greater than or equal to 0'),
    ]);
    expect(status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      code: 422,
      reason: 'Invalid',
      message:
        'Deployment.apps "web" is invalid: [spec.template.spec.containers[0].image: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]',
      details: {
        name: 'web',
        group: 'apps',
        kind: 'Deployment',
        causes: [
          { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.template.spec.containers[0].image' },
          { reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' },
        ],
      },
    });
  });

  it('422 with one error is not bracketed', () => {
    expect(invalid({ group: '', kind: 'Pod' }, 'p', [required('spec.containers')]).message).toBe('Pod "p" is invalid: spec.containers: Required value');
  });

  it('a delete may answer Success naming the object', () => {
    expect(successStatus(pods, 'x', 'u1')).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      code: 200,
      details: { name: 'x', kind: 'pods', uid: 'u1' },
    });
  });

  it('an exec exit code travels as NonZeroExitCode with an ExitCode cause', () => {
    expect(execExitCode(['sh', '-c', 'exit 3'], 3)).toMatchObject({
      status: 'Failure',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    });
  });
});
