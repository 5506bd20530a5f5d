import { isConfigMapKey, isDNS1035Label, isDNS1123Label, isLabelValue, isQualifiedName, isValidPercent, isValidPortName } from './names.js';

describe('name rules', () => {
  it.each([
    ['web', []],
    ['a.b', ['must not contain dots']],
    ['x'.repeat(64), ['must be no more than 63 characters']],
    [
      'Web',
      [
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
  ])('DNS-1123 label %j', (value, errors) => {
    expect(isDNS1123Label(value)).toEqual(errors);
  });

  it('requires services to start with a letter (DNS-1035)', () => {
    expect(isDNS1035Label('1web')).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it.each([
    ['app', 0],
    ['example.com/app', 0],
    ['Example.com/app', 1],
    ['/app', 1],
    ['a/b/c', 1],
    ['-app', 1],
  ])('label key %j has %d problems', (value, count) => {
    expect(isQualifiedName(value)).toHaveLength(count);
  });

  it('explains a bad label value', () => {
    expect(isLabelValue('')).toEqual([]);
    expect(isLabelValue('-x')).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });

  it('checks config keys, port names and percentages', () => {
    expect(isConfigMapKey('..x')).toEqual(["must not start with '..'"]);
    expect(isConfigMapKey('a b')).toHaveLength(1);
    expect(isValidPortName('http--x')).toEqual(['must not contain consecutive hyphens']);
    expect(isValidPortName('8080')).toEqual(['must contain at least one letter (a-z)']);
    expect(isValidPercent('25')).toEqual([
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
  });
});
