/** Field errors exactly as k8s.io/apimachinery/pkg/util/validation/field formats them. */

/** FieldErrorType is field.ErrorType; `Type` strings match the API's StatusCause reasons. */
export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

/** GoValue is a bad value printed verbatim, for values Go prints through String() or %#v (maps, IntOrString). */
export class GoValue {
  constructor(readonly text: string) {}
}

/** FieldError is field.Error: a type, the field's path, the offending value and a detail. */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  badValue: unknown;
  detail: string;
}

const TITLES: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

const OMITS_VALUE = new Set<FieldErrorType>(['FieldValueRequired', 'FieldValueForbidden', 'FieldValueTooLong', 'InternalError']);

/** goValue prints a bad value the way ErrorBody does: %q for strings, %v for numbers, Go syntax for maps. */
export function goValue(value: unknown): string {
  if (value instanceof GoValue) return value.text;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')) {
    return goStringMap(value as Record<string, string>);
  }
  return JSON.stringify(value);
}

/** goStringMap is Go's %#v of a map[string]string: keys sorted, `(nil)` when absent. */
export function goStringMap(map: Record<string, string> | undefined | null): string {
  if (map === undefined || map === null) return 'map[string]string(nil)';
  const pairs = Object.keys(map)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(map[k])}`);
  return `map[string]string{${pairs.join(', ')}}`;
}

/** errorBody is field.Error.ErrorBody(): the message without the field path. */
export function errorBody(error: FieldError): string {
  const title = TITLES[error.type];
  let body = OMITS_VALUE.has(error.type) ? title : `${title}: ${goValue(error.badValue)}`;
  if (error.detail.length > 0) body += `: ${error.detail}`;
  return body;
}

/** formatFieldError is field.Error.Error(): `spec.containers[0].name: Required value`. */
export function formatFieldError(error: FieldError): string {
  return `${error.field}: ${errorBody(error)}`;
}

/** formatFieldErrors formats a list, dropping exact repeats as ErrorList.ToAggregate() does. */
export function formatFieldErrors(errors: readonly FieldError[]): string[] {
  return [...new Set(errors.map(formatFieldError))];
}

/** required is field.Required. */
export function required(field: string, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field, badValue: '', detail };
}

/** invalid is field.Invalid. */
export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, badValue: value, detail };
}

/** typeInvalid reports a value of the wrong JSON type (`must be of type integer`). */
export function typeInvalid(field: string, value: unknown, expected: string): FieldError {
  return { type: 'FieldValueTypeInvalid', field, badValue: value, detail: `must be of type ${expected}` };
}

/** notSupported is field.NotSupported: `supported values: "a", "b"`. */
export function notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  const detail = supported.length > 0 ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : '';
  return { type: 'FieldValueNotSupported', field, badValue: value, detail };
}

/** duplicate is field.Duplicate. */
export function duplicate(field: string, value: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field, badValue: value, detail: '' };
}

/** notFound is field.NotFound. */
export function notFound(field: string, value: unknown): FieldError {
  return { type: 'FieldValueNotFound', field, badValue: value, detail: '' };
}

/** forbidden is field.Forbidden. */
export function forbidden(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, badValue: '', detail };
}

/** tooLong is field.TooLong: `Too long: must have at most 253 bytes`. */
export function tooLong(field: string, maxLength: number): FieldError {
  return { type: 'FieldValueTooLong', field, badValue: '', detail: `must have at most ${maxLength} bytes` };
}

/** child is field.Path.Child: `spec` + `template` -> `spec.template`. */
export function child(path: string, ...names: string[]): string {
  return [path, ...names].filter((part) => part.length > 0).join('.');
}

/** index is field.Path.Index: `spec.containers[0]`. */
export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

/** key is field.Path.Key: `data[tls.crt]` (unquoted, as Kubernetes prints it). */
export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}
