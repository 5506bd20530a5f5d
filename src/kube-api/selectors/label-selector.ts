/** The `labelSelector=` query parameter, reusing the emulator's selector parser and matcher. */
import { matchesRequirement, parseSelector } from '../../emulator/kube/labels.js';
import type { LabelSelectorRequirement } from '../../emulator/kube/meta.js';

/** parseLabelSelector reads a labelSelector query value, or returns the server's 400 message. */
export function parseLabelSelector(text: string | undefined): LabelSelectorRequirement[] | string {
  if (!text) return [];
  return parseSelector(text);
}

/** matchesLabelSelector says whether the labels satisfy every requirement (an empty selector matches all). */
export function matchesLabelSelector(requirements: readonly LabelSelectorRequirement[], labels: Readonly<Record<string, string>> | undefined): boolean {
  return requirements.every((r) => matchesRequirement(labels, r));
}
