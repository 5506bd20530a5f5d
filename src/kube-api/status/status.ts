/** Status objects as the Kubernetes API server returns them (k8s.io/apimachinery/pkg/api/errors). */
import { errorBody, formatFieldErrors, type FieldError } from '../../emulator/kube/validation/field-error.js';

/** StatusCause is metav1.StatusCause: `reason` is the cause type (FieldValueInvalid...). */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** StatusDetails is metav1.StatusDetails; `kind` holds the resource for most errors, the kind for Invalid. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** Status is metav1.Status, the body of every error and of some successes. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** GroupResource names a resource in messages: `pods`, `deployments.apps`. */
export interface GroupResource {
  group: string;
  resource: string;
}

/** qualified prints a GroupResource or GroupKind as Kubernetes does: `deployments.apps`, `pods`. */
export function qualified(group: string, name: string): string {
  return group ? `${name}.${group}` : name;
}

/** failure builds a Failure Status; details are left out when empty, as the server does. */
export function failure(code: number, reason: string, message: string, details?: StatusDetails): Status {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return status;
}

function detailsOf(gr: GroupResource, name?: string): StatusDetails {
  const details: StatusDetails = {};
  if (name !== undefined && name !== '') details.name = name;
  if (gr.group) details.group = gr.group;
  details.kind = gr.resource;
  return details;
}

/** successStatus is the `Success` Status a delete may answer with (details name the deleted object). */
export function successStatus(gr?: GroupResource, name?: string, uid?: string): Status {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200 };
  if (gr) status.details = { ...detailsOf(gr, name), ...(uid ? { uid } : {}) };
  return status;
}

/** notFound is errors.NewNotFound: `pods "x" not found`. */
export function notFound(gr: GroupResource, name: string): Status {
  return failure(404, 'NotFound', `${qualified(gr.group, gr.resource)} ${JSON.stringify(name)} not found`, detailsOf(gr, name));
}

/** pathNotFound is the 404 for a path no handler serves. */
export function pathNotFound(): Status {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {});
}

/** alreadyExists is errors.NewAlreadyExists (409), for a duplicate create. */
export function alreadyExists(gr: GroupResource, name: string): Status {
  return failure(409, 'AlreadyExists', `${qualified(gr.group, gr.resource)} ${JSON.stringify(name)} already exists`, detailsOf(gr, name));
}

/** OPTIMISTIC_LOCK_MESSAGE is registry.OptimisticLockErrorMsg. */
export const OPTIMISTIC_LOCK_MESSAGE = 'the object has been modified; please apply your changes to the latest version and try again';

/** conflict is errors.NewConflict (409), for a stale resourceVersion on update. */
export function conflict(gr: GroupResource, name: string, cause: string = OPTIMISTIC_LOCK_MESSAGE): Status {
  const message = `Operation cannot be fulfilled on ${qualified(gr.group, gr.resource)} ${JSON.stringify(name)}: ${cause}`;
  return failure(409, 'Conflict', message, detailsOf(gr, name));
}

/** expired is errors.NewResourceExpired (410): `too old resource version: 5 (100)`. */
export function expired(requested: string | number, oldest: string | number): Status {
  return failure(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}

/** GroupKind names a kind in Invalid messages: `Deployment.apps`, `Pod`. */
export interface GroupKind {
  group: string;
  kind: string;
}

/** invalid is errors.NewInvalid (422): one cause per FieldError, message `Pod "x" is invalid: ...`. */
export function invalid(gk: GroupKind, name: string, errors: readonly FieldError[]): Status {
  const causes = errors.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field }));
  const messages = formatFieldErrors(errors);
  const aggregate = messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
  const head = `${qualified(gk.group, gk.kind)} ${JSON.stringify(name)} is invalid`;
  const details: StatusDetails = { name, ...(gk.group ? { group: gk.group } : {}), kind: gk.kind, causes };
  return failure(422, 'Invalid', messages.length > 0 ? `${head}: ${aggregate}` : head, details);
}

/** unauthorized is the 401 an unknown or missing token gets. */
export function unauthorized(): Status {
  return failure(401, 'Unauthorized', 'Unauthorized');
}

/** ForbiddenRequest is who asked for what, as RBAC's denial names it. */
export interface ForbiddenRequest extends GroupResource {
  user: string;
  verb: string;
  name?: string;
  namespace?: string;
  subresource?: string;
}

/** forbidden is errors.NewForbidden (403) with the authorizer's wording. */
export function forbidden(req: ForbiddenRequest): Status {
  const resource = req.subresource ? `${req.resource}/${req.subresource}` : req.resource;
  const scope = req.namespace ? `in the namespace ${JSON.stringify(req.namespace)}` : 'at the cluster scope';
  const reason = `User ${JSON.stringify(req.user)} cannot ${req.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(req.group)} ${scope}`;
  const subject = req.name ? `${qualified(req.group, req.resource)} ${JSON.stringify(req.name)}` : qualified(req.group, req.resource);
  return failure(403, 'Forbidden', `${subject} is forbidden: ${reason}`, detailsOf(req, req.name));
}

/** badRequest is errors.NewBadRequest (400). */
export function badRequest(message: string): Status {
  return failure(400, 'BadRequest', message);
}

/** methodNotAllowed is errors.NewMethodNotSupported (405). */
export function methodNotAllowed(gr: GroupResource, verb: string): Status {
  return failure(405, 'MethodNotAllowed', `${verb} is not supported on resources of kind ${JSON.stringify(qualified(gr.group, gr.resource))}`, detailsOf(gr));
}

/** REJECTED_MESSAGE is NewGenericServerResponse's wording for a 422 without a field, such as a failing JSON patch. */
export const REJECTED_MESSAGE = 'the server rejected our request due to an error in our request';

/** unprocessable is the bare 422 a failing JSON patch gets (errors.NewGenericServerResponse hides the cause). */
export function unprocessable(message: string = REJECTED_MESSAGE): Status {
  return failure(422, 'Invalid', message, {});
}

/** unsupportedMediaType is the 415 for a patch Content-Type the server does not know. */
export function unsupportedMediaType(contentType: string): Status {
  return failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got ${contentType})`);
}

/** internalError is errors.NewInternalError (500). */
export function internalError(message: string): Status {
  return failure(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });
}

/** execSuccess is the status an exec stream sends on channel 3 when the command exits 0. */
export function execSuccess(): { metadata: Record<string, never>; status: 'Success' } {
  return { metadata: {}, status: 'Success' };
}

/** execExitCode is the channel-3 status for a non-zero exit; kubectl prints "command terminated with exit code N". */
export function execExitCode(command: readonly string[], code: number): Omit<Status, 'kind' | 'apiVersion' | 'code'> {
  return {
    metadata: {},
    status: 'Failure',
    reason: 'NonZeroExitCode',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}
