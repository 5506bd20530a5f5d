import { child, typeInvalid, type FieldError } from './field-error.js';

/** Json is a decoded object of unknown shape, as a manifest gives it. */
export type Json = Record<string, unknown>;

/** isRecord says whether a value is a plain mapping. */
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** byteLength is Go's len() of a string: UTF-8 bytes. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Checker collects field errors and reads fields with their JSON type checked, as decoding would. */
export class Checker {
  readonly errors: FieldError[] = [];
  private readonly mistyped = new Set<string>();

  /** add records errors; a field whose JSON type was wrong gets no further errors (it reads as absent, but was not). */
  add(...errors: FieldError[]): void {
    for (const error of errors) {
      if (!this.mistyped.has(error.field)) this.errors.push(error);
    }
  }

  /** str reads a string field; another type is an error and reads as absent. */
  str(obj: Json | undefined, name: string, path: string): string | undefined {
    return this.typed(obj, name, path, 'string', (v): v is string => typeof v === 'string');
  }

  /** int reads an integer field. */
  int(obj: Json | undefined, name: string, path: string): number | undefined {
    return this.typed(obj, name, path, 'integer', (v): v is number => typeof v === 'number' && Number.isInteger(v));
  }

  /** bool reads a boolean field. */
  bool(obj: Json | undefined, name: string, path: string): boolean | undefined {
    return this.typed(obj, name, path, 'boolean', (v): v is boolean => typeof v === 'boolean');
  }

  /** rec reads an object field. */
  rec(obj: Json | undefined, name: string, path: string): Json | undefined {
    return this.typed(obj, name, path, 'object', isRecord);
  }

  /** list reads an array field. */
  list(obj: Json | undefined, name: string, path: string): unknown[] | undefined {
    return this.typed(obj, name, path, 'array', (v): v is unknown[] => Array.isArray(v));
  }

  /** records reads an array of objects, reporting items of another type; wrong items read as `{}`. */
  records(obj: Json | undefined, name: string, path: string): Json[] {
    const items = this.list(obj, name, path) ?? [];
    return items.map((item, i) => {
      if (isRecord(item)) return item;
      this.add(typeInvalid(`${child(path, name)}[${i}]`, item, 'object'));
      return {};
    });
  }

  /** strings reads an array of strings, dropping (and reporting) others. */
  strings(obj: Json | undefined, name: string, path: string): string[] {
    const out: string[] = [];
    (this.list(obj, name, path) ?? []).forEach((item, i) => {
      if (typeof item === 'string') out.push(item);
      else this.add(typeInvalid(`${child(path, name)}[${i}]`, item, 'string'));
    });
    return out;
  }

  /** strMap reads a map of strings (labels, annotations, data), reporting values of another type. */
  strMap(obj: Json | undefined, name: string, path: string): Record<string, string> | undefined {
    const map = this.rec(obj, name, path);
    if (!map) return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(map)) {
      if (typeof v === 'string') out[k] = v;
      else this.add(typeInvalid(child(path, name), v, 'string'));
    }
    return out;
  }

  private typed<T>(obj: Json | undefined, name: string, path: string, expected: string, test: (v: unknown) => v is T): T | undefined {
    const value = obj?.[name];
    if (value === undefined || value === null) return undefined;
    if (test(value)) return value;
    this.add(typeInvalid(child(path, name), value, expected));
    this.mistyped.add(child(path, name));
    return undefined;
  }
}
