import { formatIpv4, parseIpv4 } from './ipv4.js';

const FIRST_HOST = parseIpv4('10.172.1.1')!;
const HOSTS_PER_RACK = 254;

/** physicalHostIp is the underlay address of the host that runs a cluster's n-th CVM (0-based). */
export function physicalHostIp(ordinal: number): string {
  const rack = Math.floor(ordinal / HOSTS_PER_RACK);
  return formatIpv4(FIRST_HOST + rack * 256 + (ordinal % HOSTS_PER_RACK));
}

const FIRST_DATABASE_HOST = parseIpv4('10.173.1.1')!;

/** databaseHostIp is the underlay address of the physical host that runs a VPC's n-th cloud database instance (0-based), apart from the CVM hosts. */
export function databaseHostIp(ordinal: number): string {
  const rack = Math.floor(ordinal / HOSTS_PER_RACK);
  return formatIpv4(FIRST_DATABASE_HOST + rack * 256 + (ordinal % HOSTS_PER_RACK));
}
