/** The shapes of a TimelineJS 3 document, as this project writes it (reading accepts any JSON). */

export interface TimelineJsDate {
  year: number | string;
  month?: number | string;
  day?: number | string;
  hour?: number | string;
  minute?: number | string;
  second?: number | string;
  millisecond?: number | string;
  display_date?: string;
}

export interface TimelineJsText {
  headline?: string;
  text?: string;
}

export interface TimelineJsMedia {
  url: string;
  caption?: string;
  credit?: string;
  thumbnail?: string;
  alt?: string;
}

export interface TimelineJsBackground {
  url?: string;
  color?: string;
}

export interface TimelineJsEvent {
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  text?: TimelineJsText;
  media?: TimelineJsMedia;
  background?: TimelineJsBackground;
  group?: string;
  display_date?: string;
  unique_id?: string;
}

export interface TimelineJsDocument {
  title?: { text?: TimelineJsText; media?: TimelineJsMedia; background?: TimelineJsBackground };
  scale?: string;
  events: TimelineJsEvent[];
  eras?: { start_date: TimelineJsDate; end_date: TimelineJsDate; text?: TimelineJsText }[];
}
