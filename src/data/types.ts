/** Shapes of a dataset after validation. Raw input is `unknown` until validateDataset has checked it. */

/** How precisely an event's start is known. `week`: some day in the seven days from `start`. */
export type Precision = "year" | "month" | "week" | "day" | "time";

/** How a date was established: given by the article, worked out from its wording, or from outside reference. */
export type DateBasis = "stated" | "inferred" | "reference";

/** The granularity an EDTF string is written at. */
export type Granularity = "year" | "month" | "day" | "time";

/** A parsed EDTF date: the interval [startMs, endMs) it denotes, in UTC milliseconds. */
export interface EdtfDate {
  readonly text: string;
  readonly granularity: Granularity;
  readonly startMs: number;
  /** Exclusive; equals startMs for a time of day (an instant). */
  readonly endMs: number;
  readonly approximate: boolean;
  readonly uncertain: boolean;
  /** Minutes east of UTC, for times of day (as written, so the tooltip can show the reported zone). */
  readonly offsetMinutes?: number;
}

export interface Lane {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
}

export interface Article {
  readonly id: string;
  readonly title: string;
  readonly file?: string;
  readonly outlet?: string;
  readonly url?: string;
  readonly published?: EdtfDate;
  readonly publishedBasis?: DateBasis;
  readonly publishedNote?: string;
  /** Background reading: listed with the sources but not expected to be cited by an event. */
  readonly background?: boolean;
}

export interface Source {
  readonly article: string;
  readonly quote: string;
  /** True when the quote was found verbatim in the article's text; false when no text was available. */
  readonly verified: boolean;
}

export interface Conflict {
  readonly note: string;
  readonly events: readonly string[];
}

/** An image, video, audio or page that goes with an event (from TimelineJS `media`). Plain text only. */
export interface Media {
  /** https only: checked by the validator (a page served over https cannot load http media). */
  readonly url: string;
  readonly caption?: string;
  readonly credit?: string;
  /** https only. */
  readonly thumbnail?: string;
  readonly alt?: string;
}

/** A slide's background (TimelineJS `background`): an image URL (http(s)) or a CSS colour. */
export interface Background {
  readonly url?: string;
  readonly color?: string;
}

/** A labelled stretch of time drawn behind the events (TimelineJS `eras`). */
export interface Era {
  readonly title?: string;
  readonly description?: string;
  readonly start: EdtfDate;
  /** Inclusive, as an event's end. */
  readonly end: EdtfDate;
}

export interface TimelineEvent {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /**
   * The summary as the author's limited HTML (TimelineJS `text.text`), kept as written: shown only
   * through the sanitiser (render/richText.ts), never put in the page otherwise. `summary` stays the
   * plain text used for search, labels, exports and the CLI.
   */
  readonly summaryHtml?: string;
  readonly start: EdtfDate;
  readonly end?: EdtfDate;
  readonly precision: Precision;
  readonly dateBasis: DateBasis;
  readonly dateNote: string;
  readonly lane: string;
  readonly actors: readonly string[];
  readonly topics: readonly string[];
  readonly sources: readonly Source[];
  readonly conflict?: Conflict;
  readonly media?: Media;
  /** How the source shows the date ("Mid-July 2025"), where it words it otherwise than `start`. */
  readonly displayDate?: string;
  readonly background?: Background;
  /** Honest extent in UTC ms: the whole window the event may have happened in (or lasted). */
  readonly startMs: number;
  /** Exclusive; equals startMs for an instant. */
  readonly endMs: number;
  /** True when `end` was given: the event lasted, rather than being imprecisely dated. */
  readonly isRange: boolean;
}

export interface Dataset {
  /** The curated story's rules apply (see Context.strict in readRecords.ts); absent when they do not. */
  readonly strict?: true;
  readonly title: string;
  readonly description: string;
  /**
   * The description as the author's limited HTML (a TimelineJS title slide), kept so conversions lose
   * nothing; the page shows the plain `description` (never this as HTML).
   */
  readonly descriptionHtml?: string;
  readonly lanes: readonly Lane[];
  readonly articles: readonly Article[];
  readonly events: readonly TimelineEvent[];
  readonly eras?: readonly Era[];
  /** TimelineJS's time scale: "human" (the default) or "cosmological". */
  readonly scale?: "human" | "cosmological";
  /** The title slide's media and background. */
  readonly media?: Media;
  readonly background?: Background;
  /**
   * Origins (`https://host[:port]`) whose media the page may load, as the author allows; media from
   * any other origin is shown as a plain link. None by default: nothing from outside loads.
   */
  readonly mediaOrigins?: readonly string[];
  /** A published dataset: the author's data notes (import warnings) are not shown to readers. */
  readonly publish?: true;
}
