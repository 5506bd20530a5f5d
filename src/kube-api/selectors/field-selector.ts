/** Field selectors (`spec.nodeName=n1,status.phase!=Failed`), parsed and matched as the API server does. */

/** FieldRequirement is one term: the field, `=` (also written `==`) or `!=`, and a value that may be empty. */
export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** splitTerms splits on commas that are not escaped with a backslash. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[++i];
    } else if (c === ',') {
      terms.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  terms.push(current);
  return terms;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/** parseFieldSelector reads a fieldSelector query value, or returns the server's 400 message. */
export function parseFieldSelector(text: string | undefined): FieldRequirement[] | string {
  if (!text) return [];
  const out: FieldRequirement[] = [];
  for (const term of splitTerms(text)) {
    if (term === '') continue;
    const match = /^([^=!]+)(!=|==|=)(.*)$/.exec(term);
    if (!match) return `invalid selector: '${text}'; can't understand '${term}'`;
    out.push({ field: match[1].trim(), op: match[2] === '!=' ? '!=' : '=', value: unescape(match[3]) });
  }
  return out;
}

type Obj = Record<string, unknown>;
type Getter = (o: Obj) => unknown;

const at =
  (...path: string[]): Getter =>
  (o) =>
    path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Obj)[k] : undefined), o);

/** FIELDS are the field labels each kind supports beyond metadata.name and metadata.namespace (its GetAttrs). */
const FIELDS: Record<string, Record<string, Getter>> = {
  Pod: {
    'spec.nodeName': at('spec', 'nodeName'),
    'spec.restartPolicy': at('spec', 'restartPolicy'),
    'spec.schedulerName': at('spec', 'schedulerName'),
    'spec.serviceAccountName': at('spec', 'serviceAccountName'),
    'spec.hostNetwork': (o) => String(at('spec', 'hostNetwork')(o) === true),
    'status.phase': at('status', 'phase'),
    'status.podIP': at('status', 'podIP'),
    'status.nominatedNodeName': at('status', 'nominatedNodeName'),
  },
  Event: {
    'involvedObject.kind': at('involvedObject', 'kind'),
    'involvedObject.namespace': at('involvedObject', 'namespace'),
    'involvedObject.name': at('involvedObject', 'name'),
    'involvedObject.uid': at('involvedObject', 'uid'),
    'involvedObject.apiVersion': at('involvedObject', 'apiVersion'),
    'involvedObject.resourceVersion': at('involvedObject', 'resourceVersion'),
    'involvedObject.fieldPath': at('involvedObject', 'fieldPath'),
    reason: at('reason'),
    reportingComponent: at('reportingComponent'),
    source: at('source', 'component'),
    type: at('type'),
  },
  Node: { 'spec.unschedulable': (o) => String(at('spec', 'unschedulable')(o) === true) },
  Namespace: { 'status.phase': at('status', 'phase') },
  Secret: { type: at('type') },
  ReplicaSet: { 'status.replicas': (o) => String(at('status', 'replicas')(o) ?? 0) },
  ReplicationController: { 'status.replicas': (o) => String(at('status', 'replicas')(o) ?? 0) },
  PersistentVolumeClaim: { name: at('metadata', 'name') },
  PersistentVolume: { name: at('metadata', 'name') },
};

const COMMON: Record<string, Getter> = { 'metadata.name': at('metadata', 'name'), 'metadata.namespace': at('metadata', 'namespace') };

/** fieldValue is a field's value as a string ('' when unset), or undefined when the kind does not support the field. */
export function fieldValue(kind: string, object: Obj, field: string): string | undefined {
  const getter = COMMON[field] ?? FIELDS[kind]?.[field];
  if (!getter) return undefined;
  const value = getter(object);
  return value === undefined || value === null ? '' : String(value);
}

/** checkFieldSelector returns the 400 message for the first field the kind does not support, if any. */
export function checkFieldSelector(kind: string, requirements: readonly FieldRequirement[]): string | undefined {
  const bad = requirements.find((r) => !COMMON[r.field] && !FIELDS[kind]?.[r.field]);
  return bad && `field label not supported: ${bad.field}`;
}

/** matchesFieldSelector says whether every requirement holds for the object. */
export function matchesFieldSelector(kind: string, object: Obj, requirements: readonly FieldRequirement[]): boolean {
  return requirements.every((r) => {
    const value = fieldValue(kind, object, r.field);
    return r.op === '=' ? value === r.value : value !== r.value;
  });
}
