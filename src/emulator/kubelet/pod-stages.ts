/** Pod lifecycle as data, the way KWOK describes stages: which pods a stage matches, after what delay, into what. */

/** PodFact is something the kubelet can observe about a pod. */
export type PodFact =
  | 'bound'
  | 'deleting'
  | 'noContainerStatuses'
  | 'containersCreating'
  | 'containersRunning'
  | 'containersReady'
  | 'hasReadinessProbe'
  | 'backingOff';

/** StageDelay: a fixed virtual delay, plus uniform jitter drawn from the seeded generator, or read from the pod. */
export interface StageDelay {
  readonly ms: number;
  readonly jitterMs?: number;
  /** fromPod reads the delay from the pod: the readiness probe's initial delay, or the grace period. */
  readonly fromPod?: 'readinessInitialDelay' | 'terminationGrace' | 'crashBackoff';
  /** atMostMs caps a delay read from the pod. */
  readonly atMostMs?: number;
  /** jitterOf draws the jitter as the named stage does: stages that model the same wait (an image pull) wait alike. */
  readonly jitterOf?: string;
}

/** StageNext is the state a stage moves a pod into. */
export interface StageNext {
  readonly containers?: 'creating' | 'running' | 'restart';
  readonly ready?: boolean;
  readonly phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  /** assignAddresses gives the pod its host IP and the next free IP of its node's pod subnet. */
  readonly assignAddresses?: boolean;
  /** remove deletes the pod object: its containers have stopped. */
  readonly remove?: boolean;
  /** events are the Kubernetes Events the kubelet records, per container where the reason says so. */
  readonly events?: readonly StageEvent[];
}

/** StageEvent is a Kubernetes Event a stage records; `{image}`, `{container}`, `{pulled}` are filled in. */
export interface StageEvent {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  readonly perContainer?: boolean;
}

/** PodStage is one step of the lifecycle. Names are persisted in events: never rename one, add another. */
export interface PodStage {
  readonly name: string;
  readonly when: readonly PodFact[];
  readonly unless?: readonly PodFact[];
  readonly delay: StageDelay;
  readonly next: StageNext;
  /** gate holds a matching pod until the node says so: `volumesAttached` waits for every CBS disk it mounts in node.status.volumesAttached. */
  readonly gate?: StageGate;
}

/** StageGate is a condition outside the pod that a stage waits for (the kubelet's volume manager). */
export type StageGate = 'volumesAttached';

/** podStages is the kubelet's default lifecycle: created → image pulled and started → ready; deleted → stopped. */
export const podStages: readonly PodStage[] = [
  {
    name: 'pod-create',
    when: ['bound', 'noContainerStatuses'],
    unless: ['deleting'],
    delay: { ms: 0 },
    next: {
      containers: 'creating',
      assignAddresses: true,
      events: [{ type: 'Normal', reason: 'Pulling', message: 'Pulling image "{image}"', perContainer: true }],
    },
  },
  {
    // Without a readiness probe a running container is ready at once: the kubelet's first status after the start says
    // Running and Ready together (prober_manager: no probe, ready once running), so one stage does both.
    name: 'pod-start-without-probe',
    when: ['bound', 'containersCreating'],
    unless: ['deleting', 'hasReadinessProbe'],
    delay: { ms: 1_000, jitterMs: 2_000, jitterOf: 'pod-start' },
    gate: 'volumesAttached',
    next: {
      containers: 'running',
      ready: true,
      phase: 'Running',
      events: [
        { type: 'Normal', reason: 'Pulled', message: 'Successfully pulled image "{image}" in {pulled}', perContainer: true },
        { type: 'Normal', reason: 'Created', message: 'Created container {container}', perContainer: true },
        { type: 'Normal', reason: 'Started', message: 'Started container {container}', perContainer: true },
      ],
    },
  },
  {
    name: 'pod-start',
    when: ['bound', 'containersCreating'],
    unless: ['deleting'],
    delay: { ms: 1_000, jitterMs: 2_000 },
    // Containers start only once their volumes are mounted: the pod stays ContainerCreating until its disks are attached.
    gate: 'volumesAttached',
    next: {
      containers: 'running',
      phase: 'Running',
      events: [
        { type: 'Normal', reason: 'Pulled', message: 'Successfully pulled image "{image}" in {pulled}', perContainer: true },
        { type: 'Normal', reason: 'Created', message: 'Created container {container}', perContainer: true },
        { type: 'Normal', reason: 'Started', message: 'Started container {container}', perContainer: true },
      ],
    },
  },
  {
    name: 'pod-ready-without-probe',
    when: ['containersRunning'],
    unless: ['deleting', 'containersReady', 'hasReadinessProbe'],
    delay: { ms: 0 },
    next: { ready: true },
  },
  {
    name: 'pod-ready',
    when: ['containersRunning', 'hasReadinessProbe'],
    unless: ['deleting', 'containersReady'],
    delay: { ms: 0, fromPod: 'readinessInitialDelay' },
    next: { ready: true },
  },
  {
    name: 'container-restart',
    when: ['bound', 'backingOff'],
    unless: ['deleting'],
    delay: { ms: 0, fromPod: 'crashBackoff' },
    next: {
      containers: 'restart',
      events: [
        { type: 'Normal', reason: 'Created', message: 'Created container {container}', perContainer: true },
        { type: 'Normal', reason: 'Started', message: 'Started container {container}', perContainer: true },
      ],
    },
  },
  {
    name: 'pod-stop',
    when: ['deleting'],
    delay: { ms: 0, fromPod: 'terminationGrace', atMostMs: 1_000 },
    next: { remove: true },
  },
];

/** matchingStage is the first stage whose facts all hold and none of whose exclusions do. */
export function matchingStage(facts: ReadonlySet<PodFact>, stages: readonly PodStage[] = podStages): PodStage | undefined {
  return stages.find((s) => s.when.every((f) => facts.has(f)) && !(s.unless ?? []).some((f) => facts.has(f)));
}

const FACTS: readonly PodFact[] = ['bound', 'deleting', 'noContainerStatuses', 'containersCreating', 'containersRunning', 'containersReady', 'hasReadinessProbe', 'backingOff'];

/** factBit is a fact's bit in a fact mask. */
export const factBit = (fact: PodFact): number => 1 << FACTS.indexOf(fact);

const maskOf = (facts: readonly PodFact[]): number => facts.reduce((mask, f) => mask | factBit(f), 0);

/** compiled holds each stage list's stages as bit masks, so matching a pod allocates nothing. */
const compiled = new WeakMap<readonly PodStage[], ReadonlyArray<{ stage: PodStage; when: number; unless: number }>>();

/** stageHoldsForMask says whether a fact mask meets one stage's conditions (it need not be the first stage that matches). */
export function stageHoldsForMask(stage: PodStage, facts: number): boolean {
  let masks = stageMasks.get(stage);
  if (!masks) stageMasks.set(stage, (masks = { when: maskOf(stage.when), unless: maskOf(stage.unless ?? []) }));
  return (facts & masks.when) === masks.when && (facts & masks.unless) === 0;
}

const stageMasks = new WeakMap<PodStage, { when: number; unless: number }>();

/** matchingStageOfMask is matchingStage over a fact mask (see factBit). */
export function matchingStageOfMask(facts: number, stages: readonly PodStage[] = podStages): PodStage | undefined {
  let masks = compiled.get(stages);
  if (!masks) compiled.set(stages, (masks = stages.map((stage) => ({ stage, when: maskOf(stage.when), unless: maskOf(stage.unless ?? []) }))));
  for (const m of masks) if ((facts & m.when) === m.when && (facts & m.unless) === 0) return m.stage;
  return undefined;
}
