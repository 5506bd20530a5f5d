/** Name and format rules of k8s.io/apimachinery/pkg/util/validation: each returns its failure messages. */

/** regexError is validation.RegexError: the message, examples, and the regex. */
export function regexError(message: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${format}')`;
  const shown = examples.map((e, i) => `${i > 0 ? ' or ' : ''}'${e}', `).join('');
  return `${message} (e.g. ${shown}regex used for validation is '${format}')`;
}

/** maxLenError is validation.MaxLenError. */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** inclusiveRangeError is validation.InclusiveRangeError. */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

const LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN_FMT = `${LABEL_FMT}(\\.${LABEL_FMT})*`;
const DNS1035_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${QUALIFIED_FMT})?`;
const CONFIG_KEY_FMT = '[-._a-zA-Z0-9]+';
const PERCENT_FMT = '[0-9]+%';
const WILDCARD_FMT = `\\*\\.${SUBDOMAIN_FMT}`;
const full = (format: string): RegExp => new RegExp(`^${format}$`);

/** isDNS1123Label: namespaces, container names, port names. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!full(LABEL_FMT).test(value)) {
    errs.push(
      full(SUBDOMAIN_FMT).test(value)
        ? 'must not contain dots'
        : regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", LABEL_FMT, 'my-name', '123-abc'),
    );
  }
  return errs;
}

/** isDNS1123Subdomain: most object names. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!full(SUBDOMAIN_FMT).test(value)) {
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", SUBDOMAIN_FMT, 'example.com'));
  }
  return errs;
}

/** isDNS1035Label: Service names (they become DNS names and environment variables). */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!full(DNS1035_FMT).test(value)) {
    errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", DNS1035_FMT, 'my-name', 'abc-123'));
  }
  return errs;
}

/** isWildcardDNS1123Subdomain: ingress hosts such as `*.example.com`. */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!full(WILDCARD_FMT).test(value)) {
    errs.push(regexError("a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character", WILDCARD_FMT, '*.example.com'));
  }
  return errs;
}

/** isQualifiedName: label and annotation keys, `prefix/name`. */
export function isQualifiedName(value: string): string[] {
  const parts = value.split('/');
  const nameError = regexError("must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", QUALIFIED_FMT, 'MyName', 'my.name', '123-abc');
  if (parts.length > 2) {
    return [`a valid label key ${nameError} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const errs: string[] = [];
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    if (parts[0].length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(parts[0]).map((m) => `prefix part ${m}`));
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!full(QUALIFIED_FMT).test(name)) errs.push(`name part ${nameError}`);
  return errs;
}

/** isLabelValue: empty, or up to 63 alphanumerics with `-`, `_`, `.` inside. */
export function isLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!full(LABEL_VALUE_FMT).test(value)) {
    errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  }
  return errs;
}

/** isConfigMapKey: keys of ConfigMap and Secret data. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!full(CONFIG_KEY_FMT).test(value)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  }
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** isValidPortNum: 1 to 65535. */
export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** isValidPortName: an IANA service name, at most 15 characters with a letter. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.startsWith('-') || port.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** isValidPercent: `25%`. */
export function isValidPercent(percent: string): string[] {
  return full(PERCENT_FMT).test(percent) ? [] : [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%')];
}

/** isEnvVarName: environment variable names. */
export function isEnvVarName(value: string): string[] {
  const format = '[-._a-zA-Z][-._a-zA-Z0-9]*';
  const errs: string[] = [];
  if (!full(format).test(value)) {
    errs.push(regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit", format, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'));
  }
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** isIPAddress says whether text is a dotted IPv4 or an IPv6 address. */
export function isIPAddress(text: string): boolean {
  const v4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
  return v4.test(text) || (/^[0-9a-fA-F:.]+$/.test(text) && text.includes(':') && text.split('::').length <= 2);
}

/** NameValidator is apimachinery's ValidateNameFunc: `prefix` for generateName, where a trailing dash is fine. */
export type NameValidator = (name: string, prefix: boolean) => string[];

/** masked is maskTrailingDash, which (as Kubernetes does) drops the last two characters for one `a`. */
const masked = (name: string, prefix: boolean): string => (prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name);

/** nameIsDNSSubdomain is NameIsDNSSubdomain. */
export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(masked(name, prefix));
/** nameIsDNSLabel is NameIsDNSLabel. */
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(masked(name, prefix));
/** nameIsDNS1035Label is NameIsDNS1035Label. */
export const nameIsDNS1035Label: NameValidator = (name, prefix) => isDNS1035Label(masked(name, prefix));
