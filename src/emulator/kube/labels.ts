import type { LabelSelector, LabelSelectorRequirement } from './meta.js';

export type Labels = Readonly<Record<string, string>> | undefined;

/** matchesRequirement evaluates one matchExpressions entry. */
export function matchesRequirement(labels: Labels, requirement: LabelSelectorRequirement): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const value = has ? labels![requirement.key] : undefined;
  switch (requirement.operator) {
    case 'In':
      return has && (requirement.values ?? []).includes(value!);
    case 'NotIn':
      return !has || !(requirement.values ?? []).includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/** matchesSelector: a missing selector matches nothing, an empty one everything (as metav1.LabelSelectorAsSelector). */
export function matchesSelector(selector: LabelSelector | undefined | null, labels: Labels): boolean {
  if (!selector) return false;
  const pairs = selector.matchLabels;
  if (pairs) for (const key in pairs) if (labels?.[key] !== pairs[key]) return false;
  const requirements = selector.matchExpressions;
  if (requirements) for (const r of requirements) if (!matchesRequirement(labels, r)) return false;
  return true;
}

/** matchesLabels: every pair of a plain map selector (a Service's or an RC's) is on the object. */
export function matchesLabels(selector: Labels, labels: Labels): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}

/** parseSelector reads kubectl's `-l` syntax: `app=web,tier!=db,env in (a,b),!legacy,track`. */
export function parseSelector(text: string): LabelSelectorRequirement[] | string {
  const requirements: LabelSelectorRequirement[] = [];
  const parts = text.match(/([^,(]+(\([^)]*\))?)/g) ?? [];
  for (const raw of parts.map((p) => p.trim()).filter(Boolean)) {
    let match: RegExpExecArray | null;
    if ((match = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(raw))) {
      const values = match[3].split(',').map((v) => v.trim()).filter(Boolean);
      requirements.push({ key: match[1], operator: match[2] === 'in' ? 'In' : 'NotIn', values });
    } else if ((match = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(raw))) {
      requirements.push({ key: match[1], operator: match[2] === '!=' ? 'NotIn' : 'In', values: [match[3]] });
    } else if ((match = /^!([\w./-]+)$/.exec(raw))) {
      requirements.push({ key: match[1], operator: 'DoesNotExist' });
    } else if ((match = /^([\w./-]+)$/.exec(raw))) {
      requirements.push({ key: match[1], operator: 'Exists' });
    } else {
      return `unable to parse requirement: ${JSON.stringify(raw)}`;
    }
  }
  return requirements;
}
