/** KubeEventDraft is a Kubernetes Event a controller records, before the caller stamps it with time and a name. */
export interface KubeEventDraft {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  readonly involvedObject: { readonly kind: 'Node' | 'Service' | 'Ingress'; readonly namespace?: string; readonly name: string };
}
