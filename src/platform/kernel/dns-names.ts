import { invalid } from './domain-error.js';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** checkDns1123Label applies Kubernetes' rule for names such as namespaces (and here, accounts and clusters). */
export function checkDns1123Label(field: string, value: string): void {
  if (value.length > 63) throw invalid(field, value, 'must be no more than 63 characters');
  if (!DNS1123_LABEL.test(value)) {
    throw invalid(
      field,
      value,
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
  }
}
