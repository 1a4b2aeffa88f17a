// Types of `import "candidat/element"`: it defines <candidat-checklist>.
import type {} from "./candidat.js";

export declare class CandidatChecklist extends HTMLElement {
  /** Starts afresh: the answers given in this element are dropped. */
  reset(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "candidat-checklist": CandidatChecklist;
  }
}
