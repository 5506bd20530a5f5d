import { duplicate, formatFieldError, formatFieldErrors, GoValue, goStringMap, invalid, notSupported, required, tooLong, typeInvalid } from './field-error.js';
import { isDNS1123Subdomain } from './names.js';

describe('field errors', () => {
  it.each([
    [required('spec.containers[0].name'), 'spec.containers[0].name: Required value'],
    [required('metadata.name', 'name or generateName is required'), 'metadata.name: Required value: name or generateName is required'],
    [
      invalid('metadata.name', 'Web_1', isDNS1123Subdomain('Web_1')[0]),
      "metadata.name: Invalid value: \"Web_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
    [
      notSupported('spec.restartPolicy', 'Sometimes', ['Always', 'OnFailure', 'Never']),
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
    [duplicate('spec.containers[1].name', 'web'), 'spec.containers[1].name: Duplicate value: "web"'],
    [tooLong('metadata.annotations', 262144), 'metadata.annotations: Too long: must have at most 262144 bytes'],
    [invalid('spec.replicas', -1, 'must be greater than or equal to 0'), 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    [typeInvalid('spec.replicas', 'three', 'integer'), 'spec.replicas: Invalid value: "three": must be of type integer'],
    [invalid('spec.x', new GoValue('25%'), 'raw'), 'spec.x: Invalid value: 25%: raw'],
    [invalid('spec.x', { app: 'web' }, 'map'), 'spec.x: Invalid value: map[string]string{"app":"web"}: map'],
    [invalid('spec.x', undefined, 'absent'), 'spec.x: Invalid value: null: absent'],
  ])('formats %j', (error, text) => {
    expect(formatFieldError(error)).toBe(text);
  });

  it('prints Go maps sorted, and nil maps as Go does', () => {
    expect(goStringMap({ tier: 'fe', app: 'web' })).toBe('map[string]string{"app":"web", "tier":"fe"}');
    expect(goStringMap(undefined)).toBe('map[string]string(nil)');
  });

  it('drops exact repeats, as ErrorList.ToAggregate does', () => {
    expect(formatFieldErrors([required('a'), required('a'), required('b')])).toEqual(['a: Required value', 'b: Required value']);
  });
});
