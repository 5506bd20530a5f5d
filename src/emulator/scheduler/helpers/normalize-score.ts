/** Score normalization shared by plugins (helper.DefaultNormalizeScore). */
import { MAX_NODE_SCORE } from '../framework.js';

/** defaultNormalizeScore rescales [0, max] to [0, 100] with integer division; `reverse` flips it (100 - score). */
export function defaultNormalizeScore(scores: number[], reverse: boolean, maxPriority = MAX_NODE_SCORE): void {
  let max = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] > max) max = scores[i];
  if (max === 0) {
    if (reverse) scores.fill(maxPriority);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const score = Math.trunc((maxPriority * scores[i]) / max);
    scores[i] = reverse ? maxPriority - score : score;
  }
}
