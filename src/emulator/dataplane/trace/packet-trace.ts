/** TraceProtocol is the transport a traced packet uses. */
export type TraceProtocol = 'TCP' | 'UDP' | 'SCTP';

/** TraceInput names both ends as `<namespace>/<pod>`, an IP, a node name, a service DNS name, a CDB id or an external host name. */
export interface TraceInput {
  readonly from: string;
  readonly to: string;
  readonly port?: number;
  readonly protocol?: TraceProtocol;
}

/** Hop is one decision on the way: where it was taken, which table was consulted, for what, and what it said. */
export interface Hop {
  readonly at: string;
  readonly table: string;
  readonly lookup: string;
  readonly decision: string;
  readonly detail: string;
}

/** DropCode classifies why a packet went nowhere. */
export type DropCode = 'NoRoute' | 'NoEndpoints' | 'NoServicePort' | 'NoGateway' | 'UnknownPod' | 'UnknownService';

/** PacketTrace is the whole path; overheadBytes counts the bytes added inside the guest (what lowers the pod MTU), not the VPC's own underlay. */
export interface PacketTrace {
  readonly delivered: boolean;
  readonly hops: readonly Hop[];
  readonly encapsulations: readonly string[];
  readonly overheadBytes: number;
  readonly dropCode?: DropCode;
  readonly dropReason?: string;
}

/** FLANNEL_VXLAN_OVERHEAD is what flannel's VXLAN adds in the guest: outer Ethernet 14 + IP 20 + UDP 8 + VXLAN 8. */
export const FLANNEL_VXLAN_OVERHEAD = 50;

/** TraceBuilder collects hops as the packet moves, and ends as delivered or dropped. */
export class TraceBuilder {
  private readonly hops: Hop[] = [];
  private readonly encapsulations: string[] = [];
  private overheadBytes = 0;

  /** hop records one decision. */
  hop(at: string, table: string, lookup: string, decision: string, detail = ''): this {
    this.hops.push({ at, table, lookup, decision, detail });
    return this;
  }

  /** encapsulate records a header added around the packet; guestBytes counts only what the guest itself adds. */
  encapsulate(description: string, guestBytes = 0): this {
    this.encapsulations.push(description);
    this.overheadBytes += guestBytes;
    return this;
  }

  /** deliver ends the trace at its destination. */
  deliver(): PacketTrace {
    return { delivered: true, hops: [...this.hops], encapsulations: [...this.encapsulations], overheadBytes: this.overheadBytes };
  }

  /** drop ends the trace where the packet died, saying why. */
  drop(code: DropCode, reason: string, at = 'nowhere', table = 'drop'): PacketTrace {
    this.hops.push({ at, table, lookup: '', decision: 'DROP', detail: reason });
    return { delivered: false, hops: [...this.hops], encapsulations: [...this.encapsulations], overheadBytes: this.overheadBytes, dropCode: code, dropReason: reason };
  }
}
