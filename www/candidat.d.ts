// Types of the candidat package (pkg/candidat.js). Hand-written: wasm-bindgen's own types
// describe the raw glue (candidat_wasm.js), not this API.

/** What `mount()` takes. Every field may be absent; a field of the wrong type or an unknown
 *  field is listed, by its path (`$.lang`), inside the widget. */
export interface MountOptions {
  /** A session object (validated like a file), or the URL of a session file, relative to
   *  this page (fetched here, under this page's CSP). Absent: the embedded session. */
  session?: string | Record<string, unknown>;
  /** The initial language. */
  lang?: "fr" | "en";
  /** An RFC 3339 instant to explore ("Et si nous étions le…") instead of the clock. */
  now?: string;
  /** The standalone page's URL, for the share link (absent: no share link). */
  page?: string;
  /** A closed shadow root: the host page's scripts cannot read the answers through it. */
  closed?: boolean;
}

/** `candidat:ready` and `candidat:change`: where the candidate is, never what they answered. */
export interface CandidatState {
  /** The session's phase (DOMAIN.md), e.g. `"registration-open"`. */
  phase: string;
  /** The verdict, e.g. `"on-track"`, `"complete"`; null while it is not shown. */
  verdict: string | null;
  /** The id of the next step when every candidate has it (`"create-account"`…),
   *  `"answer-dependent"` for a step that exists only from an answer (accommodations,
   *  exemptions, a declared piece: naming it would tell an answer), null when nothing is left. */
  next: string | null;
}

/** `candidat:error`: why the checklist cannot show, each problem by its JSON path. */
export interface CandidatError {
  problems: { path: string; message: string }[];
}

declare global {
  interface HTMLElementEventMap {
    "candidat:ready": CustomEvent<CandidatState>;
    "candidat:change": CustomEvent<CandidatState>;
    "candidat:error": CustomEvent<CandidatError>;
  }
}

/** A mounted widget. */
export declare class Widget {
  private constructor();
  /** Switch the language; the answers stay. */
  setLang(lang: "fr" | "en"): void;
  /** Remove the widget and free it. Calling it twice is harmless. */
  unmount(): void;
}

/** Loads the WebAssembly and the widget's stylesheet. Await it once before `mount()`. */
export default function init(wasm?: { module_or_path: string | URL | Request | Response | BufferSource | WebAssembly.Module }): Promise<void>;

/** The checklist in `element`'s own shadow root. Returns at once; throws a TypeError when
 *  `element` is not a DOM element. */
export declare function mount(element: HTMLElement, options?: MountOptions): Widget;

/** Fetches a session file in this page: its text, or why not (`http:<status>`, `csp`,
 *  `cors`, `network`). */
export declare function fetchSession(url: string): Promise<{ text: string; failure?: undefined } | { text?: undefined; failure: string }>;
