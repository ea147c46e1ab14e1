/**
 * claimgraph report: the story brief as a document model, plain values that the Markdown and HTML writers
 * render. Every line of it carries its citations: the article and the sentence its words stand in.
 */
import type { Attribution, NodeRef } from '../query';

/** Where a line's words stand: an article, a span of its text and the sentence around it. */
export interface Citation {
  doc: string;
  /** the article's title (its id when it has none) */
  title: string;
  date: string | null;
  /** character offsets into the article's text, start inclusive, end exclusive (the spans of one sentence joined) */
  start: number;
  end: number;
  sentence: string;
  /** a link to the article (a relative path or an http(s) URL), when the caller knows one */
  href?: string;
}

/** One attribution: who took which stance on which claim, and where the text says so. */
export interface StanceLine {
  speaker: NodeRef;
  stance: Attribution;
  claim: string;
  /** the date of the line's article, null when undated */
  date: string | null;
  citations: Citation[];
}

/** A speaker and what it said, by stance (stances it never took are left out). */
export interface SpeakerSection {
  speaker: NodeRef;
  total: number;
  groups: { stance: Attribution; lines: StanceLine[] }[];
}

/** Two speakers on opposite sides, the earlier first. */
export interface DisputeItem {
  reason: string;
  date: string | null;
  sides: [StanceLine, StanceLine];
}

/** The lines of one day, or of the undated articles (date null, listed last). */
export interface TimelineDay {
  date: string | null;
  lines: StanceLine[];
}

export interface ArticleEntry {
  id: string;
  title: string;
  date: string | null;
  source?: string;
  path?: string;
  href?: string;
}

export interface Brief {
  title: string;
  /** the entity the brief keeps to, when one was asked for */
  about: NodeRef | null;
  counts: { articles: number; speakers: number; claims: number; disputes: number };
  /** the first and last dates of the articles, null when none is dated */
  span: { from: string; until: string } | null;
  speakers: SpeakerSection[];
  disputes: DisputeItem[];
  timeline: TimelineDay[];
  articles: ArticleEntry[];
}
